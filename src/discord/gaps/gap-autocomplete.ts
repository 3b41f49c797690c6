import type { AutocompleteInteraction } from "discord.js";
import { truncate } from "../../search/normalize.js";
import { replyLanguage } from "../commands/command.js";
import { MAX_CHOICES, statementChoices } from "../commands/statement-choices.js";
import type { BotContext } from "../context.js";
import { isModerator } from "../moderation.js";

/**
 * `/knowledge teach`: the gap option offers the gaps in the report (by id or words), the
 * statement option searches the statements by id or words. Only moderators see either.
 */
export async function gapAutocomplete(
  interaction: AutocompleteInteraction,
  context: BotContext,
): Promise<void> {
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
  const report = context.feedback.gaps({ limit: 100 });
  const lowered = typed.toLowerCase();
  const gaps = [
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
    gaps.slice(0, MAX_CHOICES).map((gap) => ({
      name: truncate(`${gap.id} · ${gap.label.replace(/\s+/g, " ")}`, 100),
      value: gap.id,
    })),
  );
}
