import { type DatabaseSource, preparedPer } from "./prepared.js";

/** What the bot keeps about one person: counts by kind and the oldest row's date. */
export interface StoredAboutUser {
  readonly unanswered: number;
  readonly votes: number;
  /** When the oldest of those rows was written; null when there are none. */
  readonly oldest: Date | null;
}

/** What was deleted when the bot left a server. */
export interface DeletedServerData {
  readonly unanswered: number;
  readonly votes: number;
  readonly settings: number;
}

const statements = preparedPer((db) => ({
  countUser: db.prepare<[string, string], { unanswered: number; votes: number; oldest: number | null }>(
    `SELECT u.n AS unanswered, v.n AS votes, MIN(u.oldest, v.oldest) AS oldest FROM
       (SELECT COUNT(*) AS n, COALESCE(MIN(asked_at), 9e15) AS oldest FROM unanswered WHERE user_hash = ?) AS u,
       (SELECT COUNT(*) AS n, COALESCE(MIN(voted_at), 9e15) AS oldest FROM votes WHERE user_hash = ?) AS v`,
  ),
  deleteServerUnanswered: db.prepare<[string]>("DELETE FROM unanswered WHERE guild_id = ?"),
  deleteServerVotes: db.prepare<[string]>("DELETE FROM votes WHERE guild_id = ?"),
  deleteServerSettings: db.prepare<[string]>("DELETE FROM server_settings WHERE guild_id = ?"),
  selectServerIds: db.prepare<[], { guild_id: string }>(
    `SELECT guild_id FROM server_settings UNION SELECT guild_id FROM unanswered WHERE guild_id IS NOT NULL
     UNION SELECT guild_id FROM votes WHERE guild_id IS NOT NULL`,
  ),
}));

/**
 * Per-person and per-server views of the stored rows, for /privacy and for leaving a server. User
 * ids arrive hashed by the feedback store's salt; this module never sees the salt.
 */
export class StoredData {
  constructor(private readonly database: DatabaseSource) {}

  aboutUser(userHash: string): StoredAboutUser {
    const row = this.database((db) => statements(db).countUser.get(userHash, userHash));
    const unanswered = row?.unanswered ?? 0;
    const votes = row?.votes ?? 0;
    const oldest = unanswered + votes > 0 && row?.oldest != null ? new Date(row.oldest) : null;
    return { unanswered, votes, oldest };
  }

  /** Every server something is kept for. */
  serverIds(): string[] {
    return this.database((db) => statements(db).selectServerIds.all()).map((row) => row.guild_id);
  }

  /** Deletes everything kept for a server: its questions, votes and settings, in one transaction. */
  forgetServer(guildId: string): DeletedServerData {
    return this.database((db) => {
      const { deleteServerUnanswered, deleteServerVotes, deleteServerSettings } = statements(db);
      return db
        .transaction(() => ({
          unanswered: deleteServerUnanswered.run(guildId).changes,
          votes: deleteServerVotes.run(guildId).changes,
          settings: deleteServerSettings.run(guildId).changes,
        }))
        .immediate();
    });
  }
}
