import type { SlashCommandAttachmentOption, SlashCommandBooleanOption } from "discord.js";
import { type CommandPart, messagesFor } from "../../i18n/messages.js";

interface Nameable {
  setName(name: string): unknown;
  setNameLocalizations(localizations: { de: string }): unknown;
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: { de: string }): unknown;
}

/**
 * Names and describes a command, subcommand or option in English, with its German name and text,
 * from the two languages' message files: every word Discord shows of a command lives there.
 */
export function localized<T extends Nameable>(builder: T, part: CommandPart): T {
  const english = messagesFor("en").commands[part];
  const german = messagesFor("de").commands[part];
  builder.setName(part.slice(part.lastIndexOf(" ") + 1));
  builder.setDescription(english.description);
  if (german.name) builder.setNameLocalizations({ de: german.name });
  builder.setDescriptionLocalizations({ de: german.description });
  return builder;
}

/** The knowledge file a moderator attaches to upload or validate. */
export function knowledgeFileOption(option: SlashCommandAttachmentOption): SlashCommandAttachmentOption {
  return localized(option, "file").setRequired(true);
}

/** "Show it to everyone": replies are private unless the asker chooses otherwise. */
export function publicOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return localized(option, "public");
}
