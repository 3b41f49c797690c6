import type Database from "better-sqlite3";

/**
 * The database's schema, one step per version, applied in order at open; the version reached is
 * kept in SQLite's own `user_version`. A step is never edited once released: a change is a new
 * step, so every existing database reaches the same schema.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE unanswered (
     id INTEGER PRIMARY KEY,
     asked_at INTEGER NOT NULL,
     question TEXT NOT NULL,
     language TEXT NOT NULL,
     guild_id TEXT,
     channel_id TEXT,
     user_hash TEXT NOT NULL,
     candidate_id TEXT,
     candidate_score REAL,
     knowledge_version TEXT NOT NULL,
     CHECK ((candidate_id IS NULL) = (candidate_score IS NULL))
   );
   CREATE INDEX unanswered_asked_at ON unanswered (asked_at);
   CREATE INDEX unanswered_user_hash ON unanswered (user_hash);
   CREATE TABLE votes (
     user_hash TEXT NOT NULL,
     answer_id TEXT NOT NULL,
     vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
     statement_ids TEXT NOT NULL CHECK (json_valid(statement_ids)),
     question TEXT NOT NULL,
     language TEXT NOT NULL,
     voted_at INTEGER NOT NULL,
     guild_id TEXT,
     channel_id TEXT,
     knowledge_version TEXT NOT NULL,
     PRIMARY KEY (user_hash, answer_id)
   ) WITHOUT ROWID;
   CREATE INDEX votes_answer_id ON votes (answer_id);
   CREATE INDEX votes_voted_at ON votes (voted_at);`,
  // Many servers: each sets itself up, and a server's rows are found (to narrow the gaps report,
  // or to delete them when the bot leaves) without reading every row.
  `CREATE TABLE server_settings (
     guild_id TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL CHECK (json_valid(value)),
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (guild_id, key)
   ) WITHOUT ROWID;
   CREATE INDEX unanswered_guild_id ON unanswered (guild_id);
   CREATE INDEX votes_guild_id ON votes (guild_id);`,
  // Gaps a moderator acted on, by the question forms they held, so that they stay out of the
  // report (and do not return as new) while their questions are kept.
  `CREATE TABLE handled_gaps (
     form TEXT PRIMARY KEY,
     action TEXT NOT NULL,
     handled_at INTEGER NOT NULL
   );`,
];

/**
 * Brings the schema up to date. Databases from before `user_version` was used recorded their
 * version in a `schema_version` table; it is read once to know where they stand, and left in place
 * so that an older bot can still open the file.
 */
export function migrate(db: Database.Database): void {
  // IMMEDIATE: shards opening the file at the same time must not both apply a step.
  db.transaction(() => {
    const current = Math.max(userVersion(db), legacyVersion(db));
    if (current > MIGRATIONS.length) {
      throw new Error(
        `the feedback database has schema version ${current}, newer than this bot knows (${MIGRATIONS.length})`,
      );
    }
    for (const [index, sql] of MIGRATIONS.entries()) if (index + 1 > current) db.exec(sql);
    // A pragma takes no bound parameters; the value is a small integer from this file.
    if (current !== MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

export function userVersion(db: Database.Database): number {
  return Number(db.pragma("user_version", { simple: true }));
}

function legacyVersion(db: Database.Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (!table) return 0;
  const row = db
    .prepare<[], { version: number | null }>("SELECT MAX(version) AS version FROM schema_version")
    .get();
  return row?.version ?? 0;
}
