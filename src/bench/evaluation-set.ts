import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { load } from "js-yaml";
import { z } from "zod";
import { projectRoot } from "../app/project-root.js";

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

export function evaluationSetPath(part: EvaluationPart): string {
  return join(projectRoot(), "tests", "eval", `${part}.yaml`);
}

export async function loadEvaluationSet(part: EvaluationPart, path: string = evaluationSetPath(part)) {
  const parsed = z.array(caseSchema).safeParse(load(await readFile(path, "utf8")));
  if (!parsed.success) throw new Error(`evaluation set ${part} is malformed: ${parsed.error.message}`);
  return parsed.data;
}
