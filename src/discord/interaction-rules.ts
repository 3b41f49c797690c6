import { MessageFlags, type RepliableInteraction } from "discord.js";
import { messagesFor } from "../i18n/messages.js";
import type { CooldownDecision } from "../ops/rate-limiter.js";
import type { Language } from "../search/language.js";
import { type CommandRules, replyLanguage } from "./commands/command.js";
import type { BotContext } from "./context.js";
import { isModerator } from "./moderation.js";

/**
 * Applies a command's or component's declared rules before its handler runs; on a refusal the
 * user is told why, privately, and false is returned. A new rule is a field in `CommandRules`
 * and its check here.
 */
export async function passesRules(
  interaction: RepliableInteraction,
  rules: CommandRules,
  context: BotContext,
  language: Language = replyLanguage(interaction),
): Promise<boolean> {
  if (rules.moderatorsOnly && !isModerator(interaction, context.settings)) {
    await interaction.reply({ content: messagesFor(language).moderatorsOnly, flags: MessageFlags.Ephemeral });
    return false;
  }
  if (rules.cooldown) {
    const decision = context.cooldowns.check(interaction.user.id, interaction.channelId);
    if (!decision.allowed) {
      await declineCooledDown(interaction, decision, context);
      return false;
    }
  }
  return true;
}

export async function declineCooledDown(
  interaction: RepliableInteraction,
  decision: Extract<CooldownDecision, { allowed: false }>,
  context: BotContext,
): Promise<void> {
  context.metrics.recordRateLimited(decision.scope);
  await interaction.reply({
    content: messagesFor(replyLanguage(interaction)).slowDown(decision.retryAfterSeconds),
    flags: MessageFlags.Ephemeral,
  });
}
