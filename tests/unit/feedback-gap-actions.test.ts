import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FeedbackStore } from "../../src/feedback/feedback-store.js";
import { renderGapsCsv } from "../../src/feedback/gaps-report.js";

const place = { guildId: "900000000000000001", channelId: "900000000000000002" };

describe("acting on knowledge gaps", () => {
  let dataDir: string;
  let store: FeedbackStore;
  let user = 0;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "summit-gap-actions-"));
    store = FeedbackStore.open(dataDir, { retentionDays: 90 });
  });

  afterEach(() => {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ask = (question: string) =>
    store.recordUnanswered({
      ...place,
      question,
      language: "en",
      userId: String(++user),
      bestCandidate: null,
      knowledgeVersion: "1",
    });

  it("finds a group by its id, and keeps a dismissed group hidden when it is asked again", () => {
    ask("Did they promise not to grab land?");
    ask("did they promise not to grab land");
    ask("Who paid for the dinner?");
    const [land] = store.gaps().unanswered;
    // The CSV names each gap by the id the actions take.
    expect(renderGapsCsv(store.gaps()).split("\r\n")[1]).toMatch(new RegExp(`,"${land?.id}"$`));
    const gap = store.findGap(land?.id ?? "");
    expect(gap?.kind === "unanswered" && gap.group.examples).toContain("Did they promise not to grab land?");
    if (!gap) return;
    store.markHandled(gap, "dismiss");
    expect(store.gaps().unanswered.map((group) => group.examples[0])).toEqual(["Who paid for the dinner?"]);
    ask("Did they promise not to grab any land?");
    expect(store.gaps().unanswered.map((group) => group.examples[0])).toEqual(["Who paid for the dinner?"]);
    expect(store.gaps().unansweredTotal).toBe(4);
  });

  it("still finds a group after another wording became its most frequent", () => {
    ask("Did they promise not to grab land?");
    const id = store.gaps().unanswered[0]?.id ?? "";
    ask("promise to grab land territory");
    ask("promise to grab land territory?");
    expect(store.gaps().unanswered[0]?.id).not.toBe(id);
    expect(store.findGap(id)?.kind).toBe("unanswered");
  });

  it("takes a taught question's down votes out of the report, keeping the statement's other ones", () => {
    const down = (answerId: string, question: string) =>
      store.recordVote({
        ...place,
        answerId,
        userId: String(++user),
        vote: -1,
        statementIds: ["wrong-statement"],
        question,
        language: "en",
        knowledgeVersion: "1",
      });
    down("a1", "When is the next summit?");
    down("a2", "When is the next summit?");
    down("a3", "Who hosted it?");
    const [entry] = store.gaps().downVoted;
    const gap = store.findGap(entry?.id ?? "");
    expect(gap?.kind).toBe("down-voted");
    if (!gap) return;
    store.markHandled(gap, "teach", ["When is the next summit?"]);
    expect(store.gaps().downVoted).toMatchObject([
      { statementId: "wrong-statement", downVotes: 1, examples: ["Who hosted it?"] },
    ]);
    store.markHandled(gap, "dismiss");
    expect(store.gaps().downVoted).toEqual([]);
  });
});
