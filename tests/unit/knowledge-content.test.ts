import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeSet } from "../../src/knowledge/knowledge-set.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let knowledge: KnowledgeSet;

beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("shipped knowledge is invalid");
  knowledge = loaded.value;
});

/** An amount: a number with what it counts ("300 Milliarden", "2 billion", "40 %"). */
const AMOUNT = /(\d[\d.,]*)\s*(?:milliarden?|millionen|billions?|millions?|prozent|percent|%)/i;
/** The news report's own sources: the report, and the declaration as the report quotes it. */
const NEWS_REPORT_SOURCES = new Set(["news-report", "declaration-via-report"]);

describe("the shipped knowledge says only what its statements and sources give", () => {
  it("has no keyword with an amount its statement does not state", () => {
    const unsupported = knowledge.statements.flatMap((statement) =>
      statement.keywords
        .map((keyword) => AMOUNT.exec(keyword)?.[1])
        .filter((amount): amount is string => amount !== undefined)
        .filter((amount) => !`${statement.de} ${statement.en}`.includes(amount))
        .map((amount) => `${statement.id}: ${amount}`),
    );
    expect(unsupported).toEqual([]);
  });

  it("cites the news report for what a statement says the news report gives", () => {
    // "According to the ministry … The news report names someone else" cites the ministry: the
    // report is what it contrasts with, not where its claims come from.
    const attributedElsewhere = /^(?:laut|according to)\b/i;
    const misattributed = knowledge.statements
      .filter((statement) => /\bthe news report\b/i.test(statement.en))
      .filter((statement) => !attributedElsewhere.test(statement.en.trim()))
      .filter((statement) => !NEWS_REPORT_SOURCES.has(statement.source))
      .map((statement) => `${statement.id}: ${statement.source}`);
    expect(misattributed).toEqual([]);
  });
});
