import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";
import { DiscordLimits, safeText, truncate } from "./limits.js";

/** What a handler sends: the same shape for interaction replies, message replies and edits. */
export interface ReplyPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** The colour of answers: one accent, so the bot's replies are recognisable in a busy channel. */
export const ACCENT_COLOR = 0x2b6cb0;

/**
 * The payload as the channel allows it: without the Embed Links permission Discord would send
 * the message with its embeds silently dropped, so their text goes into the content instead.
 * Buttons and menus stay. `embeds: []` also clears the embeds of a message being updated.
 */
export function fitForChannel(payload: ReplyPayload, embedsAllowed: boolean): ReplyPayload {
  if (embedsAllowed || !payload.embeds?.length) return payload;
  const text = [payload.content, ...payload.embeds.map(embedAsText)].filter(Boolean).join("\n\n");
  return { ...payload, content: truncate(text, DiscordLimits.content), embeds: [] };
}

/**
 * An embed's parts as Discord markdown, in the order they are shown. The author line (a user's
 * question) and the footer render no markdown inside an embed, so they are escaped out of it.
 */
function embedAsText(embed: APIEmbed): string {
  const lines: string[] = [];
  if (embed.author?.name) lines.push(`*${safeText(embed.author.name, DiscordLimits.embedAuthor)}*`);
  if (embed.title) lines.push(embed.url ? `**${embed.title}** <${embed.url}>` : `**${embed.title}**`);
  if (embed.description) lines.push(embed.description);
  for (const field of embed.fields ?? []) lines.push(`**${field.name}**\n${field.value}`);
  if (embed.footer?.text) lines.push(`-# ${safeText(embed.footer.text, DiscordLimits.embedFooter)}`);
  return lines.join("\n");
}
