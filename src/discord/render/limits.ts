import { escapeMarkdown } from "discord.js";
import { truncate } from "../../search/normalize.js";

/** Discord's hard limits on what a message may hold. */
export const DiscordLimits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectLabel: 100,
  selectDescription: 100,
} as const;

export { truncate };

/**
 * Text from the knowledge or from users, made safe to show: markdown escaped (so `*` or `_` in a
 * passage prints as itself) and mentions neutralised even if a send forgot `allowedMentions`.
 */
export function safeText(text: string, max: number): string {
  const escaped = escapeMarkdown(text)
    .replace(/@(everyone|here)/g, "@\u200b$1")
    .replace(/<@[!&]?(\d+)>/g, "<@\u200b$1>");
  return truncate(escaped, max);
}

/** What a user typed, quoted back in a "not found" reply: short, and unable to break its code span. */
export function echoTyped(typed: string): string {
  return truncate(typed.replace(/[`\\]/g, ""), 80);
}
