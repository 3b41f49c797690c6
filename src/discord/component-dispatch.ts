import { MessageFlags } from "discord.js";
import { messagesFor } from "../i18n/messages.js";
import { type ComponentOrModalInteraction, replyLanguage } from "./commands/command.js";
import { componentKinds } from "./commands/index.js";
import type { BotContext } from "./context.js";
import { customIdParts } from "./custom-ids.js";
import { passesRules } from "./interaction-rules.js";

/**
 * A click on one of the bot's buttons or menus, or a form it showed submitted: the id's scope names the command module that
 * made it, whose codec validates the rest. An id nobody recognises (an older bot's, or forged)
 * is told to ask again.
 */
export async function dispatchComponent(
  interaction: ComponentOrModalInteraction,
  context: BotContext,
): Promise<void> {
  const parts = customIdParts(interaction.customId);
  const kind = parts && componentKinds.get(parts[0] ?? "");
  const bound = parts && kind?.bind(parts);
  if (!kind || !bound) {
    await interaction.reply({
      content: messagesFor(replyLanguage(interaction)).expired,
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  if (!(await passesRules(interaction, kind.rules, context, bound.language))) return;
  await bound.handle(interaction, context);
}
