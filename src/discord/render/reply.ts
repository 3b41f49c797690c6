import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";
import type { Messages } from "../../i18n/messages.js";
import type { SearchIndex } from "../../search/search-index.js";
import { DiscordLimits, safeText, truncate } from "./limits.js";

/** What a handler sends: the same shape for interaction replies, message replies and edits. */
export interface ReplyPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /**
   * What a view writes for channels where it may not embed links, when it can say it better than
   * its embeds' text; never sent as such: `fitForChannel` picks it or drops it.
   */
  textFallback?: string;
}

/** The colour of answers: one accent, so the bot's replies are recognisable in a busy channel. */
export const ACCENT_COLOR = 0x2b6cb0;

/**
 * The payload as the channel allows it, the one place that decides: without the Embed Links
 * permission Discord would send the message with its embeds silently dropped, so the view's text
 * fallback, or else the embeds' text, goes into the content instead. Buttons and menus stay.
 * `embeds: []` also clears the embeds of a message being updated.
 */
export function fitForChannel(payload: ReplyPayload, embedsAllowed: boolean): ReplyPayload {
  const { textFallback, ...sendable } = payload;
  if (embedsAllowed || !sendable.embeds?.length) return sendable;
  if (textFallback !== undefined) {
    const { embeds: _dropped, content: _replaced, ...rest } = sendable;
    // A view's fallback may join a note to its passages: the content limit is checked here, once.
    return { ...rest, content: truncate(textFallback, DiscordLimits.content) };
  }
  const text = [sendable.content, ...sendable.embeds.map(embedAsText)].filter(Boolean).join("\n\n");
  return { ...sendable, content: truncate(text, DiscordLimits.content), embeds: [] };
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

/** "Knowledge version …" for footers: the version the answering index serves, with its date. */
export function servedVersionLine(index: SearchIndex, text: Messages): string {
  const { document } = index.knowledge;
  return text.knowledgeVersion(document.version, document.date);
}
