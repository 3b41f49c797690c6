import type { SlashCommandAttachmentOption, SlashCommandBooleanOption } from "discord.js";

interface Nameable {
  setName(name: string): unknown;
  setNameLocalizations(localizations: { de: string }): unknown;
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: { de: string }): unknown;
}

/**
 * Names and describes a command, subcommand or option in English, with its German names, so
 * every definition reads the same way: English name and text, then the German ones.
 */
export function localized<T extends Nameable>(
  builder: T,
  english: { name: string; description: string },
  german: { name?: string; description: string },
): T {
  builder.setName(english.name);
  builder.setDescription(english.description);
  if (german.name) builder.setNameLocalizations({ de: german.name });
  builder.setDescriptionLocalizations({ de: german.description });
  return builder;
}

/** The knowledge file a moderator attaches to upload or validate. */
export function knowledgeFileOption(option: SlashCommandAttachmentOption): SlashCommandAttachmentOption {
  return localized(
    option,
    { name: "file", description: "The YAML knowledge file" },
    { name: "datei", description: "Die YAML-Wissensdatei" },
  ).setRequired(true);
}

/** "Show it to everyone": replies are private unless the asker chooses otherwise. */
export function publicOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return localized(
    option,
    { name: "public", description: "Show the reply to everyone in the channel (default: only you)" },
    { name: "öffentlich", description: "Antwort für alle im Kanal zeigen (Standard: nur für dich)" },
  );
}
