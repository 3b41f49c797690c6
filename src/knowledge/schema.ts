import { z } from "zod";
import { stripInvisible } from "./invisible.js";
import { SAFE_LINK_URL } from "./safe-url.js";

/**
 * The knowledge file's shape. Moderators edit this file by hand, so every rule here must produce
 * an error message a moderator can act on; the loader adds the file, line and column.
 */

/** Discord embed field values hold at most 1024 characters; a statement must fit one field. */
export const MAX_STATEMENT_LENGTH = 1024;
/** Questions double as autocomplete suggestions, whose names Discord caps at 100 characters. */
export const MAX_QUESTION_LENGTH = 100;
export const MIN_QUESTIONS = 2;

/**
 * The longest each text may be, so that whatever reaches a reply fits where Discord shows it: a
 * version goes into an embed field's name (256) with the date, a topic name into a select-menu
 * label (100), a source line into a field value (1,024) beside its link.
 */
export const MAX_TEXT = {
  id: 80,
  title: 200,
  version: 64,
  summitTitle: 200,
  place: 100,
  participant: 100,
  sourceName: 200,
  publisher: 120,
  url: 500,
  topicName: 80,
  term: 100,
} as const;

const kebabId = z
  .string({ error: "must be text" })
  // An id is an autocomplete choice's value (at most 100 characters) and a field's name.
  .max(MAX_TEXT.id, `id is too long (over ${MAX_TEXT.id} characters)`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case: lowercase letters, digits and single hyphens");

/** Every text reaches a reply somewhere, so every text has a limit; invisible characters are dropped. */
const text = (
  what: string,
  max: number,
  tooLong = `${what} is too long (over ${max} characters) to fit a Discord embed field or label`,
) =>
  z
    .string({ error: `${what} must be text` })
    .overwrite(stripInvisible)
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, tooLong);

const isoDate = z
  .string({ error: "must be a date like 2023-09-29" })
  .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, "must be a date like 2023-09-29 (or 2023-09)");

const localized = (what: string, max: number) =>
  z.strictObject({ de: text(`${what} (de)`, max), en: text(`${what} (en)`, max) });

const participantSchema = z.strictObject({
  country: localized("country", MAX_TEXT.participant),
  leader: localized("leader", MAX_TEXT.participant),
});

/** Text the same in both languages (a name), or `{ de, en }` where it is said differently. */
const textOrLocalized = (what: string, max: number) =>
  z
    .union([text(what, max), localized(what, max)], {
      error: `${what} must be text, or German and English texts as de: and en:`,
    })
    .transform((value): Localized => (typeof value === "string" ? { de: value, en: value } : value));

const sourceSchema = z.strictObject({
  id: kebabId,
  /** The document's own title, in its own language: how to find it. */
  name: text("source name", MAX_TEXT.sourceName),
  /** What a reply calls it, in the reply's language; without it, `name`. */
  title: localized("source title", MAX_TEXT.sourceName).optional(),
  publisher: textOrLocalized("publisher", MAX_TEXT.publisher).optional(),
  date: isoDate.optional(),
  url: z
    .string({ error: "must be a full https:// address" })
    .max(MAX_TEXT.url, `url is too long (over ${MAX_TEXT.url} characters)`)
    // Whitespace, brackets or quotes would let the address close the bot's own link and open another.
    .regex(SAFE_LINK_URL, {
      error: "must be a full https:// address without spaces, brackets or quotes",
    })
    .pipe(z.url({ error: "must be a full https:// address", protocol: /^https$/ }))
    .optional(),
});

const topicSchema = z.strictObject({
  id: kebabId,
  de: text("topic name (de)", MAX_TEXT.topicName),
  en: text("topic name (en)", MAX_TEXT.topicName),
  /** The topic's statement that sums it up: the answer to a bare "summit?" that fits many equally. */
  overview: kebabId.optional(),
});

const glossaryEntrySchema = z
  .array(text("glossary term", MAX_TEXT.term), { error: "must be a list of terms that mean the same" })
  .min(2, "a glossary entry needs at least two terms that mean the same");

export const statementSchema = z.strictObject({
  id: kebabId,
  topic: kebabId,
  de: text("de", MAX_STATEMENT_LENGTH),
  en: text("en", MAX_STATEMENT_LENGTH),
  source: kebabId,
  quote: z.boolean({ error: "must be true or false" }),
  questions: z
    .array(
      text(
        "question",
        MAX_QUESTION_LENGTH,
        `question is too long (over ${MAX_QUESTION_LENGTH} characters) to be an autocomplete suggestion`,
      ),
      { error: "must be a list of questions" },
    )
    .min(MIN_QUESTIONS, `needs at least ${MIN_QUESTIONS} questions (German and English)`),
  keywords: z.array(text("keyword", MAX_TEXT.term), { error: "must be a list of keywords" }).default([]),
});

export const knowledgeDocumentSchema = z.strictObject({
  title: text("title", MAX_TEXT.title),
  // A bare number (version: 3) is what people type; keep it as text so it prints as written.
  version: z
    .union([z.string(), z.number()], { error: "must be text or a number" })
    .transform(String)
    .pipe(text("version", MAX_TEXT.version)),
  date: isoDate,
  summit: z.strictObject({
    title: localized("summit title", MAX_TEXT.summitTitle),
    date: isoDate,
    place: localized("place", MAX_TEXT.place),
    participants: z.array(participantSchema).min(1, "list at least one participant"),
  }),
  sources: z.array(sourceSchema).min(1, "list at least one source document"),
  topics: z.array(topicSchema).min(1, "declare at least one topic"),
  glossary: z.array(glossaryEntrySchema).default([]),
  /**
   * Words and phrases of questions the knowledge does not cover (weather, currency, football …):
   * a question built on one of them is declined unless a statement mentions that very word.
   */
  outOfScope: z.array(text("out-of-scope term", MAX_TEXT.term)).default([]),
  statements: z.array(statementSchema).min(1, "the file has no statements"),
});

export type KnowledgeDocument = z.output<typeof knowledgeDocumentSchema>;
export type StatementRecord = z.output<typeof statementSchema>;
export type SourceRecord = KnowledgeDocument["sources"][number];
export type TopicRecord = KnowledgeDocument["topics"][number];
export type Localized = { readonly de: string; readonly en: string };
