import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { askCommand } from "../../src/discord/commands/ask.js";
import type { SlashCommand } from "../../src/discord/commands/command.js";
import { statementCommand } from "../../src/discord/commands/statement.js";
import { topicsCommand } from "../../src/discord/commands/topics.js";
import type { BotContext } from "../../src/discord/context.js";
import { answerReply, languageSwitchReply, morePassagesReply } from "../../src/discord/render/answer-view.js";
import { aboutReply, statementReply } from "../../src/discord/render/info-view.js";
import { changeReply, statusReply } from "../../src/discord/render/knowledge-view.js";
import { DiscordLimits } from "../../src/discord/render/limits.js";
import { fitForChannel, type ReplyPayload } from "../../src/discord/render/reply.js";
import { topicPageReply, topicsHomeReply } from "../../src/discord/render/topics-view.js";
import { diffKnowledge } from "../../src/knowledge/diff.js";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { answerQuestion, statementPassage } from "../../src/search/answer.js";
import type { Language } from "../../src/search/language.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { maximalKnowledge } from "../support/maximal-knowledge.js";

function load(text: string): SearchIndex {
  const parsed = parseKnowledge(text, "maximal.yaml");
  if (!parsed.ok)
    throw new Error(parsed.issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "));
  return buildSearchIndex(parsed.value);
}

/** Every Discord limit a reply can break, as "where: length > limit". */
function brokenLimits(payload: ReplyPayload): string[] {
  const broken: string[] = [];
  const check = (where: string, text: string | undefined, limit: number) => {
    const length = [...(text ?? "")].length;
    if (length > limit) broken.push(`${where}: ${length} > ${limit}`);
  };
  check("content", payload.content, DiscordLimits.content);
  if ((payload.embeds?.length ?? 0) > DiscordLimits.embedsPerMessage) broken.push("embeds");
  for (const [n, embed] of (payload.embeds ?? []).entries()) {
    check(`embed ${n} title`, embed.title, DiscordLimits.embedTitle);
    check(`embed ${n} description`, embed.description, DiscordLimits.embedDescription);
    check(`embed ${n} author`, embed.author?.name, DiscordLimits.embedAuthor);
    check(`embed ${n} footer`, embed.footer?.text, DiscordLimits.embedFooter);
    if ((embed.fields?.length ?? 0) > 25) broken.push(`embed ${n} fields`);
    for (const field of embed.fields ?? []) {
      check(`embed ${n} field name`, field.name, DiscordLimits.embedFieldName);
      check(`embed ${n} field value`, field.value, DiscordLimits.embedFieldValue);
    }
  }
  const total = (embed: APIEmbed) =>
    [
      embed.title,
      embed.description,
      embed.author?.name,
      embed.footer?.text,
      ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]
      .map((text) => [...(text ?? "")].length)
      .reduce((sum, length) => sum + length, 0);
  const all = (payload.embeds ?? []).reduce((sum, embed) => sum + total(embed), 0);
  if (all > DiscordLimits.embedTotal) broken.push(`embeds in all: ${all} > ${DiscordLimits.embedTotal}`);
  for (const row of payload.components ?? []) {
    for (const component of row.components) {
      check("custom id", "custom_id" in component ? component.custom_id : undefined, DiscordLimits.customId);
      check("button label", "label" in component ? component.label : undefined, DiscordLimits.buttonLabel);
      for (const option of "options" in component ? component.options : []) {
        check("option label", option.label, DiscordLimits.selectLabel);
        check("option value", option.value, 100);
        check("option description", option.description, DiscordLimits.selectDescription);
      }
    }
  }
  return broken;
}

async function choices(command: SlashCommand, index: SearchIndex, typed: string, locale: string) {
  let sent: { name: string; value: string }[] = [];
  const interaction = {
    locale,
    options: { getFocused: () => typed },
    respond: async (list: { name: string; value: string }[]) => {
      sent = list;
    },
  };
  const context = {
    knowledge: { index },
    metrics: { recordAutocomplete: () => {} },
  } as unknown as BotContext;
  await command.autocomplete?.(interaction as never, context);
  return sent;
}

describe("replies from a knowledge file with every field at its limit", () => {
  const index = load(maximalKnowledge());
  const first = index.knowledge.statements[0];
  const positions = index.knowledge.statements.map((_, position) => position);

  const replies = (language: Language): [string, ReplyPayload][] => {
    if (!first) throw new Error("no statements");
    const answer = answerQuestion(index, "What was agreed on migration partnership readmission?", {
      language,
    });
    const passages = (count: number) =>
      positions.slice(0, count).map((p) => statementPassage(index, p, language));
    const declined = answerQuestion(index, "what about the readmission of bananas", { language });
    return [
      ["answer", answerReply(answer, index, "1234567890123456789")],
      ["declined", answerReply(declined, index)],
      [
        "language switch",
        languageSwitchReply(passages(3), index, {
          kind: "ask-language",
          version: "0123abcd",
          language,
          statements: positions.slice(0, 3),
          standing: { certainty: "likely", permille: 620, aboutNow: true },
          answer: "1234567890123456789",
        }),
      ],
      ["more results", morePassagesReply(passages(5), index, language, "note")],
      ["about", aboutReply(index, language)],
      ["topics", topicsHomeReply(index, language)],
      ["topic page", topicPageReply(index, language, first.topic, 0) ?? {}],
      ["statement", statementReply(index, first, language)],
      ["status", statusReply(index.knowledge, undefined, language)],
      [
        "reload",
        {
          content: changeReply(
            {
              kind: "applied",
              before: index.knowledge,
              after: index.knowledge,
              diff: diffKnowledge(index.knowledge, index.knowledge),
            } as never,
            language,
          ).content,
        },
      ],
    ];
  };

  it("answers with three passages, so the answer's embeds are as many as they get", () => {
    const answer = answerQuestion(index, "What was agreed on migration partnership readmission?");
    expect(answer.answered).toBe(true);
    expect(answer.passages.length).toBeGreaterThanOrEqual(3);
  });

  for (const language of ["en", "de"] as const) {
    it(`keeps every ${language} reply, and its text form, within Discord's limits`, () => {
      const broken = replies(language).flatMap(([name, payload]) => [
        ...brokenLimits(payload).map((limit) => `${name}: ${limit}`),
        ...brokenLimits(fitForChannel(payload, false)).map((limit) => `${name} as text: ${limit}`),
      ]);
      expect(broken).toEqual([]);
    });

    it(`keeps every ${language} autocomplete choice within 100 characters`, async () => {
      const locale = language === "de" ? "de" : "en-US";
      for (const command of [askCommand, statementCommand, topicsCommand]) {
        for (const typed of ["", "mig", "What was agreed on migration 1?", "s1-"]) {
          for (const choice of await choices(command, index, typed, locale)) {
            expect([...choice.name].length, `${command.data.name} ${typed}`).toBeLessThanOrEqual(100);
            expect(choice.name.length).toBeGreaterThan(0);
            expect([...choice.value].length).toBeLessThanOrEqual(100);
          }
        }
      }
    });
  }
});
