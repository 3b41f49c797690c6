import { readFile } from "node:fs/promises";
import { load } from "js-yaml";
import { z } from "zod";

const kind = z.enum(["plain", "typo", "paraphrase", "glossary", "offtopic"]);
const caseSchema = z.strictObject({
  q: z.string(),
  lang: z.enum(["de", "en"]),
  kinds: z.array(kind).min(1),
  expect: z.array(z.string()),
});

export type EvaluationCase = z.output<typeof caseSchema>;
export type EvaluationKind = z.output<typeof kind>;

/** The tuning part was looked at while tuning; the held-out part never was. */
export const EVALUATION_PARTS = ["tuning", "heldout"] as const;
export type EvaluationPart = (typeof EVALUATION_PARTS)[number];

export function evaluationSetPath(part: EvaluationPart): URL {
  return new URL(`../../../tests/eval/${part}.yaml`, import.meta.url);
}

export async function loadEvaluationSet(part: EvaluationPart, path: URL | string = evaluationSetPath(part)) {
  const parsed = z.array(caseSchema).safeParse(load(await readFile(path, "utf8")));
  if (!parsed.success) throw new Error(`evaluation set ${part} is malformed: ${parsed.error.message}`);
  return parsed.data;
}
