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

export async function loadEvaluationSet(part: EvaluationPart) {
  return parseEvaluationSet(await readFile(evaluationSetPath(part), "utf8"), part);
}

/** The cases of an evaluation set's text; `label` names it when it is malformed. */
export function parseEvaluationSet(text: string, label: string) {
  const parsed = z.array(caseSchema).safeParse(load(text));
  if (!parsed.success) throw new Error(`evaluation set ${label} is malformed: ${parsed.error.message}`);
  return parsed.data;
}
