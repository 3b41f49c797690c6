import type { Language } from "../search/language.js";

/**
 * Button and menu ids carry their whole state, so any shard, or the bot after a restart, can
 * answer a click. They name the knowledge version (a hash prefix); a click on an answer from an
 * older version is told to ask again rather than shown other statements. Discord caps ids at 100
 * characters, and whatever arrives is untrusted: every decoder validates.
 *
 * Each command module owns the ids of its buttons and menus as an `IdCodec`: a scope (the id's
 * first part, unique across the bot) with a tagged union of kinds. The component dispatcher looks
 * the scope up and lets that codec decode the rest.
 */
export interface IdCodec<Id extends { readonly kind: string; readonly language: Language }> {
  /** The id's first part; the registry checks no two codecs share one. */
  readonly scope: string;
  encode(id: Id): string;
  /** The id, or undefined for anything this scope does not recognise as valid. */
  decode(parts: readonly string[]): Id | undefined;
}

/** The version tag in ids: a prefix of the knowledge hash, long enough to tell versions apart. */
export const VERSION_LENGTH = 8;
/** The most statement positions an id carries, well inside 100 characters. */
export const MAX_STATEMENTS = 8;

/** An id's parts, or undefined for anything that cannot be one of ours. */
export function customIdParts(raw: unknown): string[] | undefined {
  if (typeof raw !== "string" || raw.length > 100) return undefined;
  return raw.split(":");
}

/** Statement positions as they travel in ids: dot-separated, empty for none. */
export function encodePositions(statements: readonly number[]): string {
  return statements.join(".");
}

export function decodePositions(list: string): number[] | undefined {
  const statements = list === "" ? [] : list.split(".").map(Number);
  if (statements.length > MAX_STATEMENTS) return undefined;
  return statements.every((value) => Number.isInteger(value) && value >= 0) ? statements : undefined;
}

export function isVersionTag(value: string): boolean {
  return /^[0-9a-f]{8}$/.test(value);
}

export function isLanguage(value: unknown): value is Language {
  return value === "de" || value === "en";
}
