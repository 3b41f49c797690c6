import { describe, expect, it } from "vitest";
import type { EvaluationCase } from "../../src/bench/evaluation-set.js";
import { measureTeaching } from "../../src/bench/teaching.js";
import { VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

const onTopic = (q: string, statement: string): EvaluationCase => ({
  q,
  lang: "de",
  kinds: ["paraphrase"],
  expect: [statement],
});

describe("the teaching measurement of the bench", () => {
  it("teaches the first question of each missed group, and measures the held-out part before and after", () => {
    const tuning = [
      onTopic("Warenaustausch und Exporte?", "economy-trade"),
      onTopic("Exporte und Warenaustausch!", "economy-trade"),
      onTopic("What was agreed on migration?", "migration-partnerships"),
    ];
    const heldout = [onTopic("Exporte, Warenaustausch?", "economy-trade")];
    const result = measureTeaching(VALID_KNOWLEDGE, tuning, heldout);
    expect(result.tuningMisses).toBe(2);
    expect(result.missedGroups).toBe(1);
    expect(result.linesTaught).toBe(1);
    expect(result.taughtAnswered).toBe(1);
    expect(result.heldout.before.hitAt1.hits).toBe(0);
    expect(result.heldout.after.hitAt1.hits).toBe(1);
  });
});
