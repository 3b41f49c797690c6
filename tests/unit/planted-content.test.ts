import { describe, expect, it } from "vitest";
import { answerReply, languageSwitchReply, morePassagesReply } from "../../src/discord/render/answer-view.js";
import { aboutReply, statementReply } from "../../src/discord/render/info-view.js";
import { fitForChannel, type ReplyPayload } from "../../src/discord/render/reply.js";
import { topicPageReply, topicsHomeReply } from "../../src/discord/render/topics-view.js";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { answerQuestion, statementPassage } from "../../src/search/answer.js";
import type { Language } from "../../src/search/language.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import {
  hostileKnowledge,
  plantedMarkup,
  renderedMarkdown,
  SOURCE_URL,
} from "../support/planted-knowledge.js";

function load(text: string) {
  const parsed = parseKnowledge(text, "hostile.yaml");
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("; "));
  return buildSearchIndex(parsed.value);
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
      ["answer", answerReply(answer, index, "123")],
      // Declined, naming the closest topics (one of them the planted topic name).
      [
        "not found",
        answerReply(
          answerQuestion(index, "what about readmission of bananas and apples", { language }),
          index,
        ),
      ],
      ["answer without embeds", fitForChannel(answerReply(answer, index, "123"), false)],
      [
        "language switch",
        languageSwitchReply([passage], index, {
          kind: "ask-language",
          version: "0123abcd",
          language,
          statements: [position],
          standing: { certainty: "likely", permille: 620, aboutNow: true },
          answer: "123",
        }),
      ],
      ["more results", morePassagesReply([passage], index, language, "note")],
      ["more results as text", fitForChannel(morePassagesReply([passage], index, language), false)],
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
