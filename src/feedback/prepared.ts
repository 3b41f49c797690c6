import type Database from "better-sqlite3";

/**
 * Runs an action on the open database: it may throw when the database is unavailable, and the
 * bot's source treats a damaged or unwritable file met during the action as the feedback service
 * does its own (switched off once, reported, answers go on).
 */
export type DatabaseSource = <T>(action: (db: Database.Database) => T) => T;

/**
 * A module's prepared statements, made once per open database: the database behind the bot may be
 * closed and replaced while it runs, and a statement belongs to the connection that prepared it.
 */
export function preparedPer<S>(prepare: (db: Database.Database) => S): (db: Database.Database) => S {
  const cache = new WeakMap<Database.Database, S>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = prepare(db);
      cache.set(db, statements);
    }
    return statements;
  };
}
