import { createHash } from "node:crypto";
import type { KnowledgeDocument, SourceRecord, StatementRecord, TopicRecord } from "./schema.js";

export type Statement = Readonly<StatementRecord> & {
  readonly questions: readonly string[];
  readonly keywords: readonly string[];
};

/** A validated, frozen knowledge version: what every answer is computed from. */
export interface KnowledgeSet {
  readonly document: KnowledgeDocument;
  readonly statements: readonly Statement[];
  readonly topics: readonly TopicRecord[];
  readonly statementsById: ReadonlyMap<string, Statement>;
  readonly topicsById: ReadonlyMap<string, TopicRecord>;
  readonly sourcesById: ReadonlyMap<string, SourceRecord>;
  /** sha256 of the file's bytes: two sets with the same hash answer identically. */
  readonly hash: string;
  readonly origin: string;
  readonly loadedAt: Date;
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Hex digits of the hash that name a version in history, rollback, status and logs. */
const SHORT_HASH_LENGTH = 12;

/**
 * The name a moderator sees and types for a knowledge version (history file names, /knowledge
 * rollback, status): a hash prefix, short enough to type and long enough never to collide in
 * one bot's history.
 */
export function shortHash(hash: string): string {
  return hash.slice(0, SHORT_HASH_LENGTH);
}

export function createKnowledgeSet(
  document: KnowledgeDocument,
  meta: { hash: string; origin: string; loadedAt?: Date },
): KnowledgeSet {
  deepFreeze(document);
  return Object.freeze({
    document,
    statements: document.statements,
    topics: document.topics,
    statementsById: new Map(document.statements.map((statement) => [statement.id, statement])),
    topicsById: new Map(document.topics.map((topic) => [topic.id, topic])),
    sourcesById: new Map(document.sources.map((source) => [source.id, source])),
    hash: meta.hash,
    origin: meta.origin,
    loadedAt: meta.loadedAt ?? new Date(),
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
