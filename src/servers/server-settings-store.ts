import { FeedbackUnavailableError } from "../feedback/feedback-service.js";
import { type DatabaseSource, preparedPer } from "../feedback/prepared.js";
import type { Logger } from "../logging/logger.js";
import {
  type ResolvedServerSettings,
  resolveServerSettings,
  SERVER_SETTING_KEYS,
  SERVER_SETTING_SCHEMAS,
  type ServerSettingKey,
  type ServerSettings,
} from "./server-settings.js";

interface SettingRow {
  key: string;
  value: string;
}

const statements = preparedPer((db) => ({
  selectRows: db.prepare<[string], SettingRow>("SELECT key, value FROM server_settings WHERE guild_id = ?"),
  upsert: db.prepare<[string, string, string, number]>(
    `INSERT INTO server_settings (guild_id, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (guild_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
  deleteOne: db.prepare<[string, string]>("DELETE FROM server_settings WHERE guild_id = ? AND key = ?"),
  deleteAll: db.prepare<[string]>("DELETE FROM server_settings WHERE guild_id = ?"),
}));

/** One setting's change: what applied before and what applies now. */
export interface SettingChange<K extends ServerSettingKey = ServerSettingKey> {
  readonly key: K;
  readonly before: ResolvedServerSettings[K];
  readonly after: ResolvedServerSettings[K];
}

/**
 * Each server's own settings, in the bot's database (table `server_settings`, one row per server
 * and setting, the value as JSON). Every read goes to the database: it is shared by all shards and
 * processes, so a change made on one shard applies on every other at once, with no cache to go
 * stale; a read is a primary-key lookup of a few microseconds.
 */
export class ServerSettingsStore {
  constructor(
    private readonly database: DatabaseSource,
    private readonly defaults: ServerSettings,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** What this server set for itself; a stored value that is not valid is left out (the default applies). */
  stored(guildId: string): Partial<ServerSettings> {
    const own: Partial<Record<ServerSettingKey, unknown>> = {};
    for (const row of this.database((db) => statements(db).selectRows.all(guildId))) {
      if (!isKey(row.key)) continue;
      const parsed = SERVER_SETTING_SCHEMAS[row.key].safeParse(parseJson(row.value));
      if (parsed.success) own[row.key] = parsed.data;
      else this.logger.warn({ guildId, key: row.key }, "ignoring an invalid stored server setting");
    }
    return own as Partial<ServerSettings>;
  }

  /**
   * Every setting for a server (null: a direct message, which only has the defaults). If the
   * database cannot be read the defaults apply: a question is still answered.
   */
  resolve(guildId: string | null): ResolvedServerSettings {
    if (guildId === null) return resolveServerSettings({}, this.defaults);
    try {
      return resolveServerSettings(this.stored(guildId), this.defaults);
    } catch (error) {
      // The database switched off was reported once, where it happened; a message must not log again.
      if (!(error instanceof FeedbackUnavailableError))
        this.logger.warn({ err: error, guildId }, "could not read a server's settings; using the defaults");
      return resolveServerSettings({}, this.defaults);
    }
  }

  /** Sets one setting for one server; returns what applied before and after. */
  set<K extends ServerSettingKey>(guildId: string, key: K, value: ServerSettings[K]): SettingChange<K> {
    const valid = SERVER_SETTING_SCHEMAS[key].parse(value);
    return this.database((db) =>
      db
        .transaction((): SettingChange<K> => {
          const before = this.resolve(guildId)[key];
          statements(db).upsert.run(guildId, key, JSON.stringify(valid), this.now().getTime());
          return { key, before, after: this.resolve(guildId)[key] };
        })
        .immediate(),
    );
  }

  /** Back to the environment's defaults: one setting, or all of them. Returns what changed. */
  reset(guildId: string, key?: ServerSettingKey): SettingChange[] {
    return this.database((db) =>
      db
        .transaction((): SettingChange[] => {
          const before = this.resolve(guildId);
          if (key === undefined) statements(db).deleteAll.run(guildId);
          else statements(db).deleteOne.run(guildId, key);
          const after = this.resolve(guildId);
          return SERVER_SETTING_KEYS.filter(
            (name) => before[name].source === "server" && (!key || key === name),
          ).map((name) => ({ key: name, before: before[name], after: after[name] }) as SettingChange);
        })
        .immediate(),
    );
  }
}

function isKey(key: string): key is ServerSettingKey {
  return (SERVER_SETTING_KEYS as readonly string[]).includes(key);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
