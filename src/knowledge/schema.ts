import { z } from "zod";

/**
 * The knowledge file's shape. Moderators edit this file by hand, so every rule here must produce
 * an error message a moderator can act on; the loader adds the file, line and column.
 */

/** Discord embed field values hold at most 1024 characters; a statement must fit one field. */
export const MAX_STATEMENT_LENGTH = 1024;
/** Questions double as autocomplete suggestions, whose names Discord caps at 100 characters. */
export const MAX_QUESTION_LENGTH = 100;
export const MIN_QUESTIONS = 2;

const kebabId = z
  .string({ error: "must be text" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case: lowercase letters, digits and single hyphens");

const text = (what: string, max?: number) => {
  const base = z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`);
  return max === undefined
    ? base
    : base.max(max, `${what} is too long (over ${max} characters) to fit a Discord embed field`);
};

const isoDate = z
  .string({ error: "must be a date like 2023-09-29" })
  .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, "must be a date like 2023-09-29 (or 2023-09)");

const localized = (what: string) => z.strictObject({ de: text(`${what} (de)`), en: text(`${what} (en)`) });

const participantSchema = z.strictObject({
  country: localized("country"),
  leader: localized("leader"),
});

/** Text the same in both languages (a name), or `{ de, en }` where it is said differently. */
const textOrLocalized = (what: string) =>
  z
    .union([text(what), localized(what)], {
      error: `${what} must be text, or German and English texts as de: and en:`,
    })
    .transform((value): Localized => (typeof value === "string" ? { de: value, en: value } : value));

const sourceSchema = z.strictObject({
  id: kebabId,
  /** The document's own title, in its own language: how to find it. */
  name: text("source name"),
  /** What a reply calls it, in the reply's language; without it, `name`. */
  title: localized("source title").optional(),
  publisher: textOrLocalized("publisher").optional(),
  date: isoDate.optional(),
  url: z.url({ error: "must be a full http(s) address", protocol: /^https?$/ }).optional(),
});

const topicSchema = z.strictObject({
  id: kebabId,
  de: text("topic name (de)"),
  en: text("topic name (en)"),
  /** The topic's statement that sums it up: the answer to a bare "summit?" that fits many equally. */
  overview: kebabId.optional(),
});

const glossaryEntrySchema = z
  .array(text("glossary term"), { error: "must be a list of terms that mean the same" })
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
      text("question").max(
        MAX_QUESTION_LENGTH,
        `question is too long (over ${MAX_QUESTION_LENGTH} characters) to be an autocomplete suggestion`,
      ),
      { error: "must be a list of questions" },
    )
    .min(MIN_QUESTIONS, `needs at least ${MIN_QUESTIONS} questions (German and English)`),
  keywords: z.array(text("keyword"), { error: "must be a list of keywords" }).default([]),
});

export const knowledgeDocumentSchema = z.strictObject({
  title: text("title"),
  // A bare number (version: 3) is what people type; keep it as text so it prints as written.
  version: z.union([z.string(), z.number()], { error: "must be text or a number" }).transform(String),
  date: isoDate,
  summit: z.strictObject({
    title: localized("summit title"),
    date: isoDate,
    place: localized("place"),
    participants: z.array(participantSchema).min(1, "list at least one participant"),
  }),
  sources: z.array(sourceSchema).min(1, "list at least one source document"),
  topics: z.array(topicSchema).min(1, "declare at least one topic"),
  glossary: z.array(glossaryEntrySchema).default([]),
  /**
   * Words and phrases of questions the knowledge does not cover (weather, currency, football …):
   * a question built on one of them is declined unless a statement mentions that very word.
   */
  outOfScope: z.array(text("out-of-scope term")).default([]),
  statements: z.array(statementSchema).min(1, "the file has no statements"),
});

export type KnowledgeDocument = z.output<typeof knowledgeDocumentSchema>;
export type StatementRecord = z.output<typeof statementSchema>;
export type SourceRecord = KnowledgeDocument["sources"][number];
export type TopicRecord = KnowledgeDocument["topics"][number];
export type Localized = { readonly de: string; readonly en: string };
