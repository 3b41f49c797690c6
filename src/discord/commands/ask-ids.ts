import type { Language } from "../../search/language.js";
import { decodePositions, encodePositions, type IdCodec, isLanguage, isVersionTag } from "../custom-ids.js";

/**
 * How the answer was shown, so that it is shown again so in the other language: sure or likely,
 * its confidence in thousandths (the tuning limits are hundredths, so none is crossed by
 * rounding), and whether it asked about today.
 */
export interface ShownStanding {
  certainty: "sure" | "likely";
  permille: number;
  aboutNow: boolean;
}

/** The buttons under an answer: more passages, the other language, the closest statements. */
export type AskButtonId =
  | { kind: "ask-more"; version: string; language: Language; statements: number[] }
  | {
      kind: "ask-language";
      version: string;
      language: Language;
      statements: number[];
      /** Undefined for a button made before the standing travelled with it: shown without notes. */
      standing: ShownStanding | undefined;
      /** The answer's request id, for its 👍/👎 row; undefined where it had none. */
      answer: string | undefined;
    }
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
  encode(id) {
    const base = `ask:${ASK_ACTIONS[id.kind]}:${id.version}:${id.language}:${encodePositions(id.statements)}`;
    return id.kind === "ask-language" ? `${base}:${encodeStanding(id.standing)}:${id.answer ?? ""}` : base;
  },
  decode(parts) {
    const action = parts[1] ?? "";
    if (!Object.hasOwn(ASK_KINDS, action)) return undefined;
    const kind = ASK_KINDS[action as keyof typeof ASK_KINDS];
    // A language button from before the standing travelled has five parts; it still works.
    const expected = kind === "ask-language" ? [5, 7] : [5];
    if (!expected.includes(parts.length)) return undefined;
    const [, , version, language, list, standingCode = "", answer = ""] = parts as string[];
    const statements = decodePositions(list as string);
    if (!isVersionTag(version as string) || !isLanguage(language) || !statements) return undefined;
    const common = { version: version as string, language, statements };
    if (kind !== "ask-language") return { kind, ...common };
    const standing = decodeStanding(standingCode);
    if (standing === null || (answer !== "" && !ANSWER_ID.test(answer))) return undefined;
    return { kind, ...common, standing, answer: answer === "" ? undefined : answer };
  },
};

/** A request id: a Discord snowflake. */
const ANSWER_ID = /^\d{1,20}$/;
const STANDING = /^([sl])(\d{1,4})(n?)$/;

/** "l826n": likely at 0.826, about today; "" when not known. */
function encodeStanding(standing: ShownStanding | undefined): string {
  if (!standing) return "";
  return `${standing.certainty === "sure" ? "s" : "l"}${standing.permille}${standing.aboutNow ? "n" : ""}`;
}

/** The standing, undefined when the id carries none, null when what it carries is not one. */
function decodeStanding(code: string): ShownStanding | undefined | null {
  if (code === "") return undefined;
  const match = STANDING.exec(code);
  const permille = Number(match?.[2]);
  if (!match || permille > 1000) return null;
  return { certainty: match[1] === "s" ? "sure" : "likely", permille, aboutNow: match[3] === "n" };
}

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
      !ANSWER_ID.test(answer) ||
      !statements
    ) {
      return undefined;
    }
    return { kind: "vote", vote: action === "up" ? 1 : -1, language, version, answer, statements };
  },
};
