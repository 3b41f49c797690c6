import type { Language } from "../search/language.js";

/**
 * Button and menu ids carry their whole state, so any shard, or the bot after a restart, can
 * answer a click. They name the knowledge version (a hash prefix); a click on an answer from an
 * older version is told to ask again rather than shown other statements. Discord caps ids at 100
 * characters, and whatever arrives is untrusted: every decoder validates.
 */

export type CustomId =
  | { kind: "ask-more"; version: string; language: Language; statements: number[] }
  | { kind: "ask-language"; version: string; language: Language; statements: number[] }
  | { kind: "ask-near"; version: string; language: Language; statements: number[] }
  | { kind: "topics-home"; language: Language }
  | { kind: "topics-select"; language: Language }
  | { kind: "topics-page"; language: Language; topic: string; page: number }
  | { kind: "knowledge-confirm"; language: Language; upload: string }
  | { kind: "knowledge-cancel"; language: Language; upload: string }
  | { kind: "vote"; vote: 1 | -1; language: Language; version: string; answer: string; statements: number[] }
  | { kind: "privacy-delete"; language: Language };

export const VERSION_LENGTH = 8;
const MAX_STATEMENTS = 8;

export function encodeCustomId(id: CustomId): string {
  switch (id.kind) {
    case "ask-more":
      return `ask:more:${id.version}:${id.language}:${id.statements.join(".")}`;
    case "ask-language":
      return `ask:lang:${id.version}:${id.language}:${id.statements.join(".")}`;
    case "ask-near":
      return `ask:near:${id.version}:${id.language}:${id.statements.join(".")}`;
    case "topics-home":
      return `topics:home:${id.language}`;
    case "topics-select":
      return `topics:select:${id.language}`;
    case "topics-page":
      return `topics:page:${id.language}:${id.page}:${id.topic}`;
    case "knowledge-confirm":
      return `knowledge:confirm:${id.language}:${id.upload}`;
    case "knowledge-cancel":
      return `knowledge:cancel:${id.language}:${id.upload}`;
    case "privacy-delete":
      return `privacy:delete:${id.language}`;
    case "vote":
      return `vote:${id.vote === 1 ? "up" : "down"}:${id.language}:${id.version}:${id.answer}:${id.statements.join(".")}`;
  }
}

export function decodeCustomId(raw: unknown): CustomId | undefined {
  if (typeof raw !== "string" || raw.length > 100) return undefined;
  const parts = raw.split(":");
  const [scope, action] = parts;
  if (scope === "ask" && isAskAction(action) && parts.length === 5) {
    const [, , version, language, list] = parts as [string, string, string, string, string];
    const statements = list === "" ? [] : list.split(".").map(Number);
    if (
      !/^[0-9a-f]{8}$/.test(version) ||
      !isLanguage(language) ||
      statements.length > MAX_STATEMENTS ||
      !statements.every((value) => Number.isInteger(value) && value >= 0)
    ) {
      return undefined;
    }
    return { kind: ASK_KINDS[action], version, language, statements };
  }
  if (scope === "topics") {
    const language = parts[2];
    if (!isLanguage(language)) return undefined;
    if (action === "home" && parts.length === 3) return { kind: "topics-home", language };
    if (action === "select" && parts.length === 3) return { kind: "topics-select", language };
    if (action === "page" && parts.length === 5) {
      const page = Number(parts[3]);
      const topic = parts[4] as string;
      if (!Number.isInteger(page) || page < 0 || !/^[a-z0-9-]{1,60}$/.test(topic)) return undefined;
      return { kind: "topics-page", language, topic, page };
    }
  }
  if (scope === "vote" && (action === "up" || action === "down") && parts.length === 6) {
    const [, , language, version, answer, list] = parts as [string, string, string, string, string, string];
    const statements = list === "" ? [] : list.split(".").map(Number);
    if (
      !isLanguage(language) ||
      !/^[0-9a-f]{8}$/.test(version) ||
      !/^\d{1,20}$/.test(answer) ||
      statements.length > MAX_STATEMENTS ||
      !statements.every((value) => Number.isInteger(value) && value >= 0)
    ) {
      return undefined;
    }
    return { kind: "vote", vote: action === "up" ? 1 : -1, language, version, answer, statements };
  }
  // Names no user: whoever clicks deletes their own data, so a forged id cannot reach anyone else's.
  if (scope === "privacy" && action === "delete" && parts.length === 3) {
    const language = parts[2];
    if (isLanguage(language)) return { kind: "privacy-delete", language };
  }
  if (scope === "knowledge" && (action === "confirm" || action === "cancel") && parts.length === 4) {
    const [, , language, upload] = parts as [string, string, string, string];
    if (!isLanguage(language) || !/^[0-9a-f]{16}$/.test(upload)) return undefined;
    return { kind: action === "confirm" ? "knowledge-confirm" : "knowledge-cancel", language, upload };
  }
  return undefined;
}

/** The answer buttons' id actions, and the kinds they decode to. */
const ASK_KINDS = { more: "ask-more", lang: "ask-language", near: "ask-near" } as const;

function isAskAction(value: string | undefined): value is keyof typeof ASK_KINDS {
  return value !== undefined && Object.hasOwn(ASK_KINDS, value);
}

function isLanguage(value: unknown): value is Language {
  return value === "de" || value === "en";
}
