import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyGapAction, previewGapAction } from "../../src/app/gap-actions.js";
import type { KnowledgeService } from "../../src/app/knowledge-service.js";
import { FeedbackStore } from "../../src/feedback/feedback-store.js";
import { answerQuestion } from "../../src/search/answer.js";
import { VALID_KNOWLEDGE } from "../support/broken-knowledge.js";
import { openTempKnowledge, type TempKnowledge } from "../support/temp-knowledge.js";

const QUESTION = "Wie läuft der Warenaustausch?";

describe("acting on a gap: preview, confirm, apply", () => {
  let temp: TempKnowledge;
  let path: string;
  let knowledge: KnowledgeService;
  let feedback: FeedbackStore;

  beforeEach(async () => {
    temp = await openTempKnowledge();
    ({ path, service: knowledge } = temp);
    feedback = FeedbackStore.open(join(temp.folder, "data"), { retentionDays: 90 });
    feedback.recordUnanswered({
      question: `  ${QUESTION}`,
      language: "de",
      userId: "1",
      guildId: null,
      channelId: null,
      bestCandidate: null,
      knowledgeVersion: "1",
    });
  });

  afterEach(async () => {
    feedback.close();
    await temp.remove();
  });

  const gapId = () => feedback.gaps().unanswered[0]?.id ?? "";

  it("previews a teach without writing, then applies it: answered at once, gone from the report", async () => {
    const proposal = { kind: "teach", gapId: gapId(), statementId: "economy-trade" } as const;
    const preview = await previewGapAction(proposal, knowledge, feedback);
    expect(preview.ok && preview.diff?.fields).toEqual([
      { id: "economy-trade", field: "questions", added: [QUESTION], removed: [] },
    ]);
    expect(await readFile(path, "utf8")).toBe(VALID_KNOWLEDGE);
    const outcome = await applyGapAction(proposal, "Mod#1", knowledge, feedback);
    expect(outcome.kind === "changed" && outcome.change.kind).toBe("applied");
    expect(answerQuestion(knowledge.index, QUESTION).passages[0]?.id).toBe("economy-trade");
    expect(feedback.gaps().unanswered).toEqual([]);
    expect(await applyGapAction(proposal, "Mod#2", knowledge, feedback)).toEqual({ kind: "gap-gone" });
  });

  it("shows check's warning before an out-of-scope entry that shares a stem with statement words", async () => {
    const preview = await previewGapAction(
      { kind: "out-of-scope", gapId: gapId(), phrase: " Handel " },
      knowledge,
      feedback,
    );
    expect(preview.ok && preview.text).toBe("Handel");
    expect(preview.ok && preview.overlaps.map((overlap) => overlap.entry)).toEqual(["Handel"]);
  });

  it("refuses a teach to a statement removed since, and keeps the gap", async () => {
    await writeFile(path, VALID_KNOWLEDGE.replace("- id: economy-trade", "- id: economy-trade-2"));
    const proposal = { kind: "teach", gapId: gapId(), statementId: "economy-trade" } as const;
    const preview = await previewGapAction(proposal, knowledge, feedback);
    expect(preview.ok).toBe(false);
    const outcome = await applyGapAction(proposal, "Mod#1", knowledge, feedback);
    expect(outcome.kind === "changed" && outcome.change.kind).toBe("rejected");
    expect(feedback.gaps().unanswered).toHaveLength(1);
  });

  it("dismisses a gap without touching the file", async () => {
    const outcome = await applyGapAction({ kind: "dismiss", gapId: gapId() }, "Mod#1", knowledge, feedback);
    expect(outcome.kind).toBe("dismissed");
    expect(feedback.gaps().unanswered).toEqual([]);
    expect(await readFile(path, "utf8")).toBe(VALID_KNOWLEDGE);
  });
});
