import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { answerReply, languageSwitchReply, morePassagesReply } from "../../src/discord/render/answer-view.js";
import { aboutReply, statementReply } from "../../src/discord/render/info-view.js";
import { fitForChannel, type ReplyPayload } from "../../src/discord/render/reply.js";
import { topicPageReply, topicsHomeReply } from "../../src/discord/render/topics-view.js";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { answerQuestion, statementPassage } from "../../src/search/answer.js";
import type { Language } from "../../src/search/language.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { mutate } from "../support/broken-knowledge.js";

/** The one address the bot may link: the source's own, behind the link it builds itself. */
const SOURCE_URL = "https://example.org/report";
/** Markdown, links, mentions and invisible characters, as someone with write access might plant them. */
const PLANTED =
  "[click here](https://evil.example/phish) \u202Egnp.exe\u202C zero\u200Bwidth <@123456789012345678> <@&234567890123456789> <#345678901234567890> @everyone https://evil.example/bare";
const PLANTED_LINES = `# Official notice\\n-# small print\\n- a list\\n1. numbered\\n> quoted\\n${PLANTED}`;

/** For fields whose length is limited (a version, a place, a topic name). */
const SHORT_PLANT = "[x](https://evil.example) <@123456789012345678> @here";

function hostileKnowledge(url = SOURCE_URL): string {
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

function load(text: string) {
  const parsed = parseKnowledge(text, "hostile.yaml");
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("; "));
  return buildSearchIndex(parsed.value);
}

/** What Discord renders as markdown: content, and an embed's title, description and fields. */
function renderedMarkdown(payload: ReplyPayload): string[] {
  const fromEmbed = (embed: APIEmbed) => [
    // The bot numbers the passages of an answer in their titles ("1. Migration").
    (embed.title ?? "").replace(/^\d+\. /, ""),
    embed.description ?? "",
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
  ];
  return [payload.content ?? "", ...(payload.embeds ?? []).flatMap(fromEmbed)];
}

/** Every way planted markup could still render; the bot's own Source link is taken out first. */
function plantedMarkup(text: string): string[] {
  const withoutOwnLink = text
    .replace(/\]\(https:\/\/example\.org\/report\)/g, "]")
    .replaceAll("<https://example.org/report>", "")
    // The bot's own subtext line (a footer in plain text) ends a reply; its text is still checked.
    .replace(/(^|\n)-# ([^\n]*)$/, "$1$2");
  const checks: [string, RegExp][] = [
    ["masked link", /(?<!\\)\[[^\]]*(?<!\\)\]\(/],
    ["address that becomes a link", /https?:\/\//i],
    ["heading", /^\s*#{1,3} /m],
    ["subtext", /^\s*-# /m],
    ["list", /^\s*([-*]|\d+\.) /m],
    ["quote", /^\s*> /m],
    ["user or role mention", /<@[!&]?\d/],
    ["channel mention", /<#\d/],
    ["everyone", /@(everyone|here)/],
    ["bidi control", /[\u202A-\u202E\u2066-\u2069]/],
  ];
  return checks.filter(([, pattern]) => pattern.test(withoutOwnLink)).map(([name]) => name);
}

describe("a knowledge file with planted links, headings and mentions", () => {
  const index = load(hostileKnowledge());
  const statement = index.knowledge.statementsById.get("migration-partnerships");
  const position = index.statementPositions.get("migration-partnerships") ?? -1;

  const replies = (language: Language): [string, ReplyPayload][] => {
    const answer = answerQuestion(index, "What was agreed on migration?", { language });
    const passage = statementPassage(index, position, language);
    if (!statement) throw new Error("statement missing");
    return [
      ["answer", answerReply(answer, index, true, "123")],
      ["answer without embeds", answerReply(answer, index, false, "123")],
      ["language switch", languageSwitchReply([passage], index, language, [position])],
      ["more results", morePassagesReply([passage], index, language, true, "note")],
      ["more results as text", morePassagesReply([passage], index, language, false)],
      ["about", aboutReply(index, language)],
      ["about as text", fitForChannel(aboutReply(index, language), false)],
      ["topics", topicsHomeReply(index, language)],
      ["topic page", topicPageReply(index, language, "migration", 0) ?? {}],
      ["statement", statementReply(index, statement, language)],
      ["statement as text", fitForChannel(statementReply(index, statement, language), false)],
    ];
  };

  it("answers the planted statement (so the test renders it)", () => {
    expect(answerQuestion(index, "What was agreed on migration?").passages[0]?.id).toBe(
      "migration-partnerships",
    );
  });

  for (const language of ["en", "de"] as const) {
    it(`renders no link, heading or mention but the Source link in any ${language} reply`, () => {
      for (const [name, payload] of replies(language)) {
        for (const text of renderedMarkdown(payload)) {
          expect(plantedMarkup(text), `${name}: ${text}`).toEqual([]);
        }
        for (const embed of payload.embeds ?? []) {
          if (embed.url !== undefined) expect(embed.url).toBe(SOURCE_URL);
        }
      }
      const sourceLinks = renderedMarkdown(
        answerReply(answerQuestion(index, "What was agreed on migration?", { language }), index),
      )
        .join("\n")
        .match(/\]\(https:\/\/example\.org\/report\)/g);
      expect(sourceLinks?.length).toBeGreaterThan(0);
    });
  }

  it("drops bidi controls and zero-width characters at load", () => {
    expect(statement?.en).toContain("zerowidth");
    expect(statement?.en).not.toMatch(/[\u200B\u202A-\u202E]/);
    expect(index.knowledge.document.summit.title.en).not.toMatch(/[\u200B\u202A-\u202E]/);
  });
});

describe("source addresses", () => {
  for (const url of [
    "https://evil.example/x)[free nitro](https://evil.example/nitro",
    "http://example.org/report",
    "javascript:alert(1)",
    "https://example.org/a b",
    "https://example.org/<x>",
  ]) {
    it(`rejects ${url}`, () => {
      const parsed = parseKnowledge(hostileKnowledge(JSON.stringify(url)), "hostile.yaml");
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.issues.map((issue) => issue.field)).toContain("sources[0].url");
    });
  }
});
