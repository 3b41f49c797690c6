import type Database from "better-sqlite3";

/** Where a module finds the open database; it may throw when the database is unavailable. */
export type DatabaseSource = () => Database.Database;

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
