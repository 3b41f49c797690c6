import type { APIEmbed } from "discord.js";
import type { ReplyPayload } from "../../src/discord/render/reply.js";
import { mutate } from "./broken-knowledge.js";

/**
 * A knowledge file as someone with write access might plant it: masked links, headings, lists,
 * mentions, bare addresses and invisible characters in every text that reaches a reply.
 */
/** The one address the bot may link: the source's own, behind the link it builds itself. */
export const SOURCE_URL = "https://example.org/report";
/** Markdown, links, mentions and invisible characters, as someone with write access might plant them. */
const PLANTED =
  "[click here](https://evil.example/phish) \u202Egnp.exe\u202C zero\u200Bwidth <@123456789012345678> <@&234567890123456789> <#345678901234567890> @everyone https://evil.example/bare";
/**
 * Line markers as Discord reads them, also indented by a tab, and text that tries to undo the
 * escaping: an escaped escape before a link, and backtick runs that discord.js escapes by half.
 */
const PLANTED_LINES = [
  "# Official notice",
  "\\t## tabbed heading",
  "-# small print",
  "- a list",
  "\\t* tabbed list",
  "+ plus list",
  "1. numbered",
  "2) numbered",
  "> quoted",
  ">>> quoted to the end",
  "\\\\[escaped bracket](https://evil.example/esc) \\\\\\\\[escaped escape](https://evil.example/esc2)",
  "```` four ```` ``` three ``` `` two ``",
  PLANTED,
].join("\\n");

/** For fields whose length is limited (a version, a place, a topic name). */
const SHORT_PLANT = "[x](https://evil.example) <@123456789012345678> @here";

export function hostileKnowledge(url = SOURCE_URL): string {
  const planted = (plain: string) => JSON.stringify(`${plain} ${SHORT_PLANT}`);
  const lines = (plain: string) => `"${plain}\\n${PLANTED_LINES}"`;
  return mutate('version: "1"', `version: ${planted("1")}`)
    .replace(
      "title: { de: Testgipfel, en: Test summit }",
      `title: { de: "Testgipfel ${PLANTED}", en: "# Test summit ${PLANTED}" }`,
    )
    .replace(
      "place: { de: Berlin, en: Berlin }",
      `place: { de: ${planted("Berlin")}, en: ${planted("Berlin")} }`,
    )
    .replace(
      "leader: { de: Tokajew, en: Tokayev }",
      `leader: { de: ${planted("Tokajew")}, en: ${planted("Tokayev")} }`,
    )
    .replace("    name: Bericht", `    name: "[Official](https://evil.example) # Bericht"\n    url: ${url}`)
    .replace("    publisher: Agentur", `    publisher: ${planted("Agentur")}`)
    .replace(
      "{ id: migration, de: Migration, en: Migration }",
      `{ id: migration, de: ${planted("Migration")}, en: ${planted("Migration")} }`,
    )
    .replace(
      "    de: Mögliche Partnerschaften betreffen reguläre Migration und Rückübernahme.\n    en: Possible partnerships concern regular migration and readmission.",
      `    de: ${lines("Mögliche Partnerschaften betreffen reguläre Migration und Rückübernahme.")}\n    en: ${lines("Possible partnerships concern regular migration and readmission.")}`,
    );
}

/** What Discord renders as markdown: content, and an embed's title, description and fields. */
export function renderedMarkdown(payload: ReplyPayload): string[] {
  const fromEmbed = (embed: APIEmbed) => [
    // The bot numbers the passages of an answer in their titles ("1. Migration").
    (embed.title ?? "").replace(/^\d+\. /, ""),
    embed.description ?? "",
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
  ];
  return [payload.content ?? "", ...(payload.embeds ?? []).flatMap(fromEmbed)];
}

/** Every way planted markup could still render; the bot's own Source link is taken out first. */
export function plantedMarkup(text: string): string[] {
  const withoutOwnLink = text
    .replace(/\]\(https:\/\/example\.org\/report\)/g, "]")
    .replaceAll("<https://example.org/report>", "")
    // The bot's own subtext line (a footer in plain text) ends a reply; its text is still checked.
    .replace(/(^|\n)-# ([^\n]*)$/, "$1$2");
  const checks: [string, RegExp][] = [
    // A bracket is escaped by an odd number of backslashes: an even number escapes only themselves.
    ["masked link", /(?<!\\)(?:\\\\)*\]\(/],
    ["backtick run (a planted code span)", /``/],
    ["address that becomes a link", /https?:\/\//i],
    ["heading", /^\s*#{1,3} /m],
    ["subtext", /^\s*-# /m],
    ["list", /^\s*([-*+]|\d+[.)]) /m],
    ["quote", /^\s*>/m],
    ["user or role mention", /<@[!&]?\d/],
    ["channel mention", /<#\d/],
    ["everyone", /@(everyone|here)/],
    ["bidi control", /[\u202A-\u202E\u2066-\u2069]/],
  ];
  return checks.filter(([, pattern]) => pattern.test(withoutOwnLink)).map(([name]) => name);
}
