import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
} from "discord.js";
import {
  applyGapAction,
  type GapProposal,
  type GapStore,
  gapQuestion,
  previewGapAction,
} from "../../app/gap-actions.js";
import { FeedbackUnavailableError, feedbackAttempt } from "../../feedback/feedback-service.js";
import type { Gap } from "../../feedback/feedback-store.js";
import { messagesFor } from "../../i18n/messages.js";
import { cleanQuestion } from "../../knowledge/text-edit.js";
import type { Language } from "../../search/language.js";
import { nearestStatements } from "../../search/nearest-statements.js";
import { truncate } from "../../search/normalize.js";
import { rarestWords } from "../../search/rare-words.js";
import type { BotContext } from "../context.js";
import { actorOf, isModerator } from "../moderation.js";
import { PendingActions } from "../pending-actions.js";
import type { FileAttachment } from "../render/diff-view.js";
import {
  gapActionsReply,
  gapPreviewReply,
  outOfScopeModal,
  PHRASE_FIELD,
} from "../render/gap-actions-view.js";
import { changeReply, rejectionContent } from "../render/knowledge-view.js";
import { type ComponentOrModalInteraction, replyLanguage } from "./command.js";
import type { GapId } from "./knowledge-gap-ids.js";
import { MAX_CHOICES, statementChoices } from "./statement-choices.js";

/**
 * Previews waiting for Apply. A guild's interactions always reach the same shard, so the shard
 * that showed a preview is the one its Apply reaches.
 */
const pending = new PendingActions<GapProposal>();

const privately = { flags: MessageFlags.Ephemeral } as const;

/** The feedback store as the gap actions use it, through the guard that keeps a broken one out. */
function gapStore(context: BotContext): GapStore {
  return {
    findGap: (id) => context.feedback.use((store) => store.findGap(id)),
    markHandled: (gap, action, questions) =>
      context.feedback.use((store) => store.markHandled(gap, action, questions)),
  };
}

/**
 * A click or modal on the actions of `/knowledge gaps`; the id was decoded and the rules passed.
 * Without a working feedback database there is no report to act on: the moderator is told why.
 */
export async function handleGapAction(
  interaction: ComponentOrModalInteraction,
  id: GapId,
  context: BotContext,
): Promise<void> {
  try {
    await handleGapActionWith(interaction, id, context, gapStore(context));
  } catch (error) {
    if (!(error instanceof FeedbackUnavailableError)) throw error;
    const content = messagesFor(id.language).feedbackUnavailable(error.reason);
    if (interaction.deferred || interaction.replied) await interaction.editReply({ content, components: [] });
    else await interaction.reply({ content, ...privately });
  }
}

async function handleGapActionWith(
  interaction: ComponentOrModalInteraction,
  id: GapId,
  context: BotContext,
  feedback: GapStore,
): Promise<void> {
  const text = messagesFor(id.language);
  switch (id.kind) {
    case "gap-pick": {
      const gapId = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      const gap = gapId === undefined ? undefined : feedback.findGap(gapId);
      if (!gap) {
        await interaction.reply({ content: text.gapGone, ...privately });
        return;
      }
      // A message of its own: the report stays open for the next gap.
      await interaction.reply({
        ...gapActionsReply(gap, nearestFor(gap, context), id.language),
        ...privately,
      });
      return;
    }
    case "gap-teach": {
      const statementId = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      if (statementId === undefined) return;
      await propose(
        interaction,
        { kind: "teach", gapId: id.gap, statementId },
        id.language,
        context,
        feedback,
      );
      return;
    }
    case "gap-scope": {
      const gap = feedback.findGap(id.gap);
      if (!gap || interaction.isModalSubmit()) {
        await interaction.reply({ content: text.gapGone, ...privately });
        return;
      }
      const prefill = rarestWords(context.knowledge.index, gapQuestion(gap));
      await interaction.showModal(outOfScopeModal(id.gap, prefill, id.language));
      return;
    }
    case "gap-phrase": {
      const phrase = interaction.isModalSubmit()
        ? cleanQuestion(interaction.fields.getTextInputValue(PHRASE_FIELD))
        : "";
      if (phrase === "") {
        await interaction.reply({ content: text.gapActionExpired, ...privately });
        return;
      }
      await propose(
        interaction,
        { kind: "out-of-scope", gapId: id.gap, phrase },
        id.language,
        context,
        feedback,
      );
      return;
    }
    case "gap-dismiss":
      await propose(interaction, { kind: "dismiss", gapId: id.gap }, id.language, context, feedback);
      return;
    case "gap-apply":
    case "gap-cancel": {
      const proposal = pending.take(id.pending, interaction.user.id);
      if (!proposal || id.kind === "gap-cancel") {
        await show(interaction, {
          content: proposal ? text.uploadCancelled : text.gapActionExpired,
          components: [],
        });
        return;
      }
      await deferShow(interaction);
      const outcome = await applyGapAction(proposal, actorOf(interaction), context.knowledge, feedback);
      context.logger.info(
        { actor: actorOf(interaction), action: proposal.kind, gap: proposal.gapId, outcome: outcome.kind },
        "knowledge gap handled",
      );
      const reply =
        outcome.kind === "gap-gone"
          ? { content: text.gapGone, files: [] }
          : outcome.kind === "dismissed"
            ? { content: text.gapDismissed, files: [] }
            : changeReply(outcome.change, id.language);
      await interaction.editReply({ ...reply, components: [] });
      return;
    }
  }
}

/** `/knowledge teach gap: statement:`: the same preview as the menu's, for any statement. */
export async function teach(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const gapId = interaction.options.getString("gap", true).trim().toLowerCase();
  const statementId = interaction.options.getString("statement", true).trim().toLowerCase();
  const language = replyLanguage(interaction);
  const proposal = { kind: "teach", gapId, statementId } as const;
  try {
    await propose(interaction, proposal, language, context, gapStore(context));
  } catch (error) {
    if (!(error instanceof FeedbackUnavailableError)) throw error;
    await interaction.reply({
      content: messagesFor(language).feedbackUnavailable(error.reason),
      ...privately,
    });
  }
}

/** Shows what a proposal would change, and keeps it for the moderator's Apply. */
async function propose(
  interaction: ComponentOrModalInteraction | ChatInputCommandInteraction,
  proposal: GapProposal,
  language: Language,
  context: BotContext,
  feedback: GapStore,
): Promise<void> {
  const text = messagesFor(language);
  const preview = await previewGapAction(proposal, context.knowledge, feedback);
  if (!preview.ok) {
    const content = preview.reason === "gap-gone" ? text.gapGone : rejectionContent(preview.issues, language);
    await show(interaction, { content, components: [] });
    return;
  }
  const pendingId = pending.add(proposal, interaction.user.id);
  await show(interaction, gapPreviewReply(proposal, preview, pendingId, language));
}

/** What the gap actions show: text, the diff attached when long, the next buttons or menus. */
interface Shown {
  readonly content: string;
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  readonly files?: FileAttachment[];
}

/** A component's own private message changes in place; a command or a modal gets a private reply. */
async function show(
  interaction: ComponentOrModalInteraction | ChatInputCommandInteraction,
  shown: Shown,
): Promise<void> {
  const body = { files: [], ...shown };
  if (interaction.isMessageComponent()) await interaction.update(body);
  else if (interaction.isModalSubmit() && interaction.isFromMessage()) await interaction.update(body);
  else await interaction.reply({ ...body, ...privately });
}

async function deferShow(interaction: ComponentOrModalInteraction): Promise<void> {
  if (interaction.isMessageComponent()) await interaction.deferUpdate();
  else if (interaction.isModalSubmit() && interaction.isFromMessage()) await interaction.deferUpdate();
  else await interaction.deferReply(privately);
}

/** The statements to offer for teaching: the engine's nearest, never the one voted down. */
function nearestFor(gap: Gap, context: BotContext) {
  const wrong = gap.kind === "down-voted" ? gap.entry.statementId : undefined;
  const best = gap.kind === "unanswered" ? gap.group.bestCandidate?.id : undefined;
  return nearestStatements(context.knowledge.index, gapQuestion(gap), best).filter(
    (statement) => statement.id !== wrong,
  );
}

/**
 * `/knowledge teach`: the gap option offers the gaps in the report (by id or words), the
 * statement option searches the statements by id or words. Only moderators see either.
 */
export async function teachAutocomplete(
  interaction: AutocompleteInteraction,
  context: BotContext,
): Promise<void> {
  context.metrics.recordAutocomplete("knowledge");
  // The gaps are what members asked: shown to moderators only, as the command is.
  if (!isModerator(interaction, context.settings)) {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).trim();
  if (focused.name === "statement") {
    await interaction.respond(statementChoices(context.knowledge.index, typed, replyLanguage(interaction)));
    return;
  }
  if (focused.name !== "gap") {
    await interaction.respond([]);
    return;
  }
  const gaps = feedbackAttempt(() => context.feedback.use((store) => store.gaps({ limit: 100 })));
  if (!gaps.ok) {
    await interaction.respond([]);
    return;
  }
  const report = gaps.value;
  const lowered = typed.toLowerCase();
  const choices = [
    ...report.unanswered.map((group) => ({
      id: group.id,
      label: `${group.count}× ${group.examples[0] ?? ""}`,
    })),
    ...report.downVoted.map((entry) => ({
      id: entry.id,
      label: `👎 ${entry.downVotes} ${entry.examples[0] ?? entry.statementId}`,
    })),
  ].filter(
    (gap) => lowered === "" || gap.id.startsWith(lowered) || gap.label.toLowerCase().includes(lowered),
  );
  await interaction.respond(
    choices.slice(0, MAX_CHOICES).map((gap) => ({
      name: truncate(`${gap.id} · ${gap.label.replace(/\s+/g, " ")}`, 100),
      value: gap.id,
    })),
  );
}
