import { type Interaction, MessageFlags, type RepliableInteraction } from "discord.js";
import { messagesFor } from "../i18n/messages.js";
import type { CooldownDecision } from "../ops/rate-limiter.js";
import type { Language } from "../search/language.js";
import { type CommandRules, replyLanguage } from "./commands/command.js";
import type { BotContext } from "./context.js";
import { refuseOutsideHomeServer } from "./home-server.js";
import { isModerator, isServerAdmin } from "./moderation.js";

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
  // First: an outsider is told "not available here", not invited to become a moderator.
  if (await refuseOutsideHomeServer(interaction, rules, context)) return false;
  if (rules.moderatorsOnly && !isModerator(interaction, context.settings)) {
    await interaction.reply({ content: messagesFor(language).moderatorsOnly, flags: MessageFlags.Ephemeral });
    return false;
  }
  if (rules.serverAdminsOnly && !isServerAdmin(interaction)) {
    const text = messagesFor(language);
    await interaction.reply({
      content: interaction.inGuild() ? text.manageServerOnly : text.serverOnly,
      flags: MessageFlags.Ephemeral,
    });
    return false;
  }
  if (rules.cooldown) {
    const decision = context.cooldowns.check(
      interaction.user.id,
      interaction.channelId,
      Date.now(),
      serverCooldownSeconds(interaction, context),
    );
    if (!decision.allowed) {
      await declineCooledDown(interaction, decision, context);
      return false;
    }
  }
  return true;
}

/** The per-user cooldown of the server the interaction comes from (a DM: the default). */
export function serverCooldownSeconds(interaction: Interaction, context: BotContext): number {
  return context.servers.resolve(interaction.guildId).cooldownSeconds.value;
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
