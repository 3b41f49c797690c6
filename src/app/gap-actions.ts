import type { FeedbackStore, Gap } from "../feedback/feedback-store.js";

/** What the gap actions need of the feedback: finding a gap, and marking it handled. */
export type GapStore = Pick<FeedbackStore, "findGap" | "markHandled">;

import { diffKnowledge, type KnowledgeDiff } from "../knowledge/diff.js";
import type { KnowledgeIssue, Result } from "../knowledge/issues.js";
import type { KnowledgeSet } from "../knowledge/knowledge-set.js";
import { parseKnowledge, readKnowledgeSource } from "../knowledge/load.js";
import { addExampleQuestion, addOutOfScopePhrase, cleanQuestion } from "../knowledge/text-edit.js";
import { type ScopeOverlap, scopeOverlaps } from "../search/scope-overlaps.js";
import { buildSearchIndex } from "../search/search-index.js";
import type { KnowledgeChange, KnowledgeService, TextEdit } from "./knowledge-service.js";

/**
 * What a moderator can do about a gap in the report: teach its question to the statement that
 * answers it, declare a phrase of it out of scope, or dismiss it. Each is previewed (the change
 * as it would be made to the file now), confirmed, then applied the way an upload is, and the gap
 * leaves the report.
 */
export type GapProposal =
  | { readonly kind: "teach"; readonly gapId: string; readonly statementId: string }
  | { readonly kind: "out-of-scope"; readonly gapId: string; readonly phrase: string }
  | { readonly kind: "dismiss"; readonly gapId: string };

export type GapPreview =
  | {
      readonly ok: true;
      readonly gap: Gap;
      /** What is taught, or the phrase declared out of scope; empty for a dismissal. */
      readonly text: string;
      /** For a down-voted answer: the statement it was wrongly answered with. */
      readonly wrongStatementId?: string;
      readonly diff: KnowledgeDiff | undefined;
      readonly after: KnowledgeSet | undefined;
      /** `check`'s warning: an out-of-scope entry sharing a stem with words the statements need. */
      readonly overlaps: readonly ScopeOverlap[];
    }
  | { readonly ok: false; readonly reason: "gap-gone" }
  | { readonly ok: false; readonly reason: "invalid"; readonly issues: readonly KnowledgeIssue[] };

export type GapOutcome =
  | { readonly kind: "gap-gone" }
  | { readonly kind: "dismissed"; readonly gap: Gap }
  | { readonly kind: "changed"; readonly gap: Gap; readonly change: KnowledgeChange };

/** The question a gap stands for: an unanswered group's most asked wording, a down vote's question. */
export function gapQuestion(gap: Gap): string {
  const examples = gap.kind === "unanswered" ? gap.group.examples : gap.entry.examples;
  return cleanQuestion(examples[0] ?? "");
}

/** The change a proposal would make to the file as it is now, without making it. */
export async function previewGapAction(
  proposal: GapProposal,
  knowledge: KnowledgeService,
  feedback: GapStore,
): Promise<GapPreview> {
  const gap = feedback.findGap(proposal.gapId);
  if (!gap) return { ok: false, reason: "gap-gone" };
  const wrong = gap.kind === "down-voted" ? { wrongStatementId: gap.entry.statementId } : {};
  const edit = gapEdit(proposal, gap, knowledge.path);
  if (!edit) return { ok: true, gap, text: "", diff: undefined, after: undefined, overlaps: [], ...wrong };
  const read = await readKnowledgeSource(knowledge.path);
  const edited = read.ok ? edit(read.value) : read;
  const parsed = edited.ok ? parseKnowledge(edited.value, knowledge.path) : edited;
  if (!parsed.ok) return { ok: false, reason: "invalid", issues: parsed.issues };
  const after = parsed.value;
  const text = proposal.kind === "out-of-scope" ? cleanQuestion(proposal.phrase) : gapQuestion(gap);
  const overlaps =
    proposal.kind === "out-of-scope"
      ? scopeOverlaps(buildSearchIndex(after)).filter((overlap) => overlap.entry === text)
      : [];
  return {
    ok: true,
    gap,
    text,
    diff: diffKnowledge(knowledge.current, after),
    after,
    overlaps,
    ...wrong,
  };
}

/**
 * Applies a confirmed proposal to the file as it is now (an edit made since the preview is kept),
 * through the path an upload takes; then the gap leaves the report.
 */
export async function applyGapAction(
  proposal: GapProposal,
  actor: string,
  knowledge: KnowledgeService,
  feedback: GapStore,
): Promise<GapOutcome> {
  const gap = feedback.findGap(proposal.gapId);
  if (!gap) return { kind: "gap-gone" };
  const edit = gapEdit(proposal, gap, knowledge.path);
  if (!edit || proposal.kind === "dismiss") {
    feedback.markHandled(gap, "dismiss");
    return { kind: "dismissed", gap };
  }
  const change = await knowledge.edit(actor, proposal.kind, edit);
  if (change.kind !== "rejected") {
    // A down vote taught is that one question; the statement's other down votes stay listed.
    const questions =
      gap.kind === "down-voted" && proposal.kind === "teach" ? [gap.entry.examples[0] ?? ""] : undefined;
    feedback.markHandled(gap, proposal.kind, questions);
  }
  return { kind: "changed", gap, change };
}

function gapEdit(proposal: GapProposal, gap: Gap, file: string): TextEdit | undefined {
  switch (proposal.kind) {
    case "teach": {
      const question = gapQuestion(gap);
      return (text) => addExampleQuestion(text, file, proposal.statementId, question);
    }
    case "out-of-scope": {
      const phrase = cleanQuestion(proposal.phrase);
      return (text): Result<string> => addOutOfScopePhrase(text, file, phrase);
    }
    case "dismiss":
      return undefined;
  }
}
