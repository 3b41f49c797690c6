import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";

/** What a handler sends: the same shape for interaction replies, message replies and edits. */
export interface ReplyPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** The colour of answers: one accent, so the bot's replies are recognisable in a busy channel. */
export const ACCENT_COLOR = 0x2b6cb0;
