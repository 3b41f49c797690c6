import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { languageOfLocale } from "../../i18n/messages.js";
import type { Language } from "../../search/language.js";
import type { BotContext } from "../context.js";

/** A slash command: its definition as data, its handlers apart (the discord.js guide's layout). */
export interface SlashCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

/** Replies follow the user's Discord language: German for `de`, English otherwise. */
export function replyLanguage(interaction: Interaction): Language {
  return languageOfLocale(interaction.locale);
}

/** Embeds need the Embed Links permission in the channel; without it the bot answers in text. */
export function canEmbed(interaction: Interaction): boolean {
  return interaction.appPermissions?.has(PermissionFlagsBits.EmbedLinks) ?? true;
}
