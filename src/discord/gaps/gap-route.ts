import { type Interaction, MessageFlags } from "discord.js";
import { messagesFor } from "../../i18n/messages.js";
import type { BotContext } from "../context.js";
import { isModerator } from "../moderation.js";
import { handleGapAction } from "./gap-handlers.js";
import { gapIds } from "./gap-ids.js";

/** Routes a click or modal of the gap actions; false when the interaction is not one of them. */
export async function routeGapAction(interaction: Interaction, context: BotContext): Promise<boolean> {
  if (!interaction.isButton() && !interaction.isStringSelectMenu() && !interaction.isModalSubmit())
    return false;
  const id = gapIds.decode(interaction.customId.split(":"));
  if (!id) return false;
  if (!isModerator(interaction, context.settings)) {
    await interaction.reply({
      content: messagesFor(id.language).moderatorsOnly,
      flags: MessageFlags.Ephemeral,
    });
    return true;
  }
  await handleGapAction(interaction, id, context);
  return true;
}
