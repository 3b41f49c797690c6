import { escapeMarkdown } from "discord.js";
import { stripInvisible } from "../../knowledge/invisible.js";
import { SAFE_LINK_URL } from "../../knowledge/safe-url.js";
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
 * Text from the knowledge or from users, made safe to show: every piece of markdown escaped — also
 * masked links, headings, lists, subtext and quotes, which discord.js leaves alone by default — so
 * a planted `[click here](https://…)` or `# Official` prints as itself; bare addresses are not
 * turned into links; mentions are neutralised even if a send forgot `allowedMentions`; bidi and
 * zero-width characters are dropped.
 */
export function safeText(text: string, max: number): string {
  const escaped = escapeMarkdown(stripInvisible(text), {
    heading: true,
    bulletedList: true,
    numberedList: true,
    // Runs of four or more backticks pass discord.js's code escapes half-escaped; every backtick
    // is escaped below instead, so no planted code span can swallow the bot's own markup.
    inlineCode: false,
    codeBlock: false,
  })
    // Every bracket, so that no text can open a masked link or close the bot's own link label;
    // every backtick likewise. The user's own backslashes are doubled by now, so one more escapes.
    .replace(/[[\]`]/g, "\\$&")
    // A line's markers after any indentation, tabs included: headings, subtext, quotes, lists.
    .replace(/^([ \t]*)((?:#{1,3}|-#|[-*+])(?=[ \t])|>)/gm, "$1\\$2")
    .replace(/^([ \t]*\d+)([.)])(?=[ \t])/gm, "$1\\$2")
    // Discord links `https://…` anywhere in text; an escaped colon ends the address before it starts.
    .replace(/([a-z][a-z0-9+.-]*):\/\//gi, "$1\\://")
    .replace(/@(everyone|here)/g, "@\u200b$1")
    .replace(/<(@[!&]?|#|\/)/g, "<\u200b$1");
  return truncate(escaped, max);
}

/** What a user typed, quoted back in a "not found" reply: short, and unable to break its code span. */
export function echoTyped(typed: string): string {
  return truncate(typed.replace(/[`\\]/g, ""), 80);
}

/** The knowledge check rejects other addresses; this guards the replies even so. */
export function isLinkSafe(url: string | undefined): url is string {
  return url !== undefined && SAFE_LINK_URL.test(url);
}

/** `[label](url)` for a safe address, else the label alone: the only links the bot ever writes. */
export function linkOrText(label: string, url: string | undefined, max: number): string {
  return isLinkSafe(url) ? `[${safeText(label, max)}](${url})` : safeText(label, max);
}
