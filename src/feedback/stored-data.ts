import type Database from "better-sqlite3";

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

/**
 * Per-person and per-server views of the stored rows, for /privacy and for leaving a server. User
 * ids arrive hashed by the feedback store's salt; this module never sees the salt.
 */
export class StoredData {
  private readonly countUser: Database.Statement<
    [string, string],
    { unanswered: number; votes: number; oldest: number | null }
  >;
  private readonly deleteServerUnanswered: Database.Statement<[string]>;
  private readonly deleteServerVotes: Database.Statement<[string]>;
  private readonly deleteServerSettings: Database.Statement<[string]>;
  private readonly selectServerIds: Database.Statement<[], { guild_id: string }>;

  constructor(private readonly db: Database.Database) {
    this.countUser = db.prepare(
      `SELECT u.n AS unanswered, v.n AS votes, MIN(u.oldest, v.oldest) AS oldest FROM
         (SELECT COUNT(*) AS n, COALESCE(MIN(asked_at), 9e15) AS oldest FROM unanswered WHERE user_hash = ?) AS u,
         (SELECT COUNT(*) AS n, COALESCE(MIN(voted_at), 9e15) AS oldest FROM votes WHERE user_hash = ?) AS v`,
    );
    this.deleteServerUnanswered = db.prepare("DELETE FROM unanswered WHERE guild_id = ?");
    this.deleteServerVotes = db.prepare("DELETE FROM votes WHERE guild_id = ?");
    this.deleteServerSettings = db.prepare("DELETE FROM server_settings WHERE guild_id = ?");
    this.selectServerIds = db.prepare(
      `SELECT guild_id FROM server_settings UNION SELECT guild_id FROM unanswered WHERE guild_id IS NOT NULL
       UNION SELECT guild_id FROM votes WHERE guild_id IS NOT NULL`,
    );
  }

  aboutUser(userHash: string): StoredAboutUser {
    const row = this.countUser.get(userHash, userHash);
    const unanswered = row?.unanswered ?? 0;
    const votes = row?.votes ?? 0;
    const oldest = unanswered + votes > 0 && row?.oldest != null ? new Date(row.oldest) : null;
    return { unanswered, votes, oldest };
  }

  /** Every server something is kept for. */
  serverIds(): string[] {
    return this.selectServerIds.all().map((row) => row.guild_id);
  }

  /** Deletes everything kept for a server: its questions, votes and settings, in one transaction. */
  forgetServer(guildId: string): DeletedServerData {
    return this.db
      .transaction(() => ({
        unanswered: this.deleteServerUnanswered.run(guildId).changes,
        votes: this.deleteServerVotes.run(guildId).changes,
        settings: this.deleteServerSettings.run(guildId).changes,
      }))
      .immediate();
  }
}
