import type { Language } from "../../search/language.js";
import { decodePositions, encodePositions, type IdCodec, isLanguage, isVersionTag } from "../custom-ids.js";

/** The buttons under an answer: more passages, the other language, the closest statements. */
export type AskButtonId =
  | { kind: "ask-more"; version: string; language: Language; statements: number[] }
  | { kind: "ask-language"; version: string; language: Language; statements: number[] }
  | { kind: "ask-near"; version: string; language: Language; statements: number[] };

/** Helpful / not helpful under an answer: the answer's request id and the statements it showed. */
export interface VoteId {
  kind: "vote";
  vote: 1 | -1;
  language: Language;
  version: string;
  answer: string;
  statements: number[];
}

/** The answer buttons' id actions, and the kinds they decode to. */
const ASK_KINDS = { more: "ask-more", lang: "ask-language", near: "ask-near" } as const;
const ASK_ACTIONS = { "ask-more": "more", "ask-language": "lang", "ask-near": "near" } as const;

export const askButtonIds: IdCodec<AskButtonId> = {
  scope: "ask",
  encode: (id) =>
    `ask:${ASK_ACTIONS[id.kind]}:${id.version}:${id.language}:${encodePositions(id.statements)}`,
  decode(parts) {
    if (parts.length !== 5) return undefined;
    const [, action, version, language, list] = parts as [string, string, string, string, string];
    if (!Object.hasOwn(ASK_KINDS, action)) return undefined;
    const statements = decodePositions(list);
    if (!isVersionTag(version) || !isLanguage(language) || !statements) return undefined;
    return { kind: ASK_KINDS[action as keyof typeof ASK_KINDS], version, language, statements };
  },
};

export const voteIds: IdCodec<VoteId> = {
  scope: "vote",
  encode: (id) =>
    `vote:${id.vote === 1 ? "up" : "down"}:${id.language}:${id.version}:${id.answer}:${encodePositions(id.statements)}`,
  decode(parts) {
    if (parts.length !== 6) return undefined;
    const [, action, language, version, answer, list] = parts as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const statements = decodePositions(list);
    if (
      (action !== "up" && action !== "down") ||
      !isLanguage(language) ||
      !isVersionTag(version) ||
      !/^\d{1,20}$/.test(answer) ||
      !statements
    ) {
      return undefined;
    }
    return { kind: "vote", vote: action === "up" ? 1 : -1, language, version, answer, statements };
  },
};
