import type { APIEmbed } from "discord.js";
import { messagesFor } from "../../i18n/messages.js";
import { type Statement, shortHash } from "../../knowledge/knowledge-set.js";
import { sourceLine, sourceTitle } from "../../knowledge/sources.js";
import type { Language } from "../../search/language.js";
import type { SearchIndex } from "../../search/search-index.js";
import { DiscordLimits, isLinkSafe, linkOrText, safeText, truncate } from "./limits.js";
import { ACCENT_COLOR, type ReplyPayload, servedVersionLine } from "./reply.js";

/** One statement in full: both languages, topic, source and whether it is a quotation. */
export function statementReply(index: SearchIndex, statement: Statement, language: Language): ReplyPayload {
  const text = messagesFor(language);
  const other: Language = language === "de" ? "en" : "de";
  const source = index.knowledge.sourcesById.get(statement.source);
  const topic = index.knowledge.topicsById.get(statement.topic);
  const sourceValue = source
    ? linkOrText(sourceLine(source, language), source.url, 300)
    : safeText(statement.source, 200);
  return {
    embeds: [
      {
        color: ACCENT_COLOR,
        title: truncate(text.statementTitle(statement.id), DiscordLimits.embedTitle),
        ...(isLinkSafe(source?.url) ? { url: source.url } : {}),
        description: safeText(
          statement.quote ? `„${statement[language]}“` : statement[language],
          DiscordLimits.embedDescription,
        ),
        fields: [
          {
            name: other === "de" ? text.buttonGerman : text.buttonEnglish,
            value: safeText(statement[other], DiscordLimits.embedFieldValue),
          },
          { name: text.topic, value: safeText(topic ? topic[language] : statement.topic, 200), inline: true },
          { name: text.source, value: truncate(sourceValue, DiscordLimits.embedFieldValue), inline: true },
        ],
        footer: {
          text: `${statement.quote ? text.directQuote : text.paraphrase} · ${servedVersionLine(index, text)}`,
        },
      },
    ],
  };
}

/** What the bot knows and where it comes from. */
export function aboutReply(index: SearchIndex, language: Language): ReplyPayload {
  const text = messagesFor(language);
  const { summit, sources, version, date } = index.knowledge.document;
  const embed: APIEmbed = {
    color: ACCENT_COLOR,
    title: text.aboutTitle,
    description: truncate(
      `${text.aboutIntro(safeText(summit.title[language], 300), summit.date, safeText(summit.place[language], 200))}\n\n${text.howToAsk}`,
      DiscordLimits.embedDescription,
    ),
    fields: [
      {
        name: text.participants,
        value: truncate(
          summit.participants
            .map((p) => `• ${safeText(p.country[language], 80)} — ${safeText(p.leader[language], 160)}`)
            .join("\n"),
          DiscordLimits.embedFieldValue,
        ),
      },
      {
        name: text.sources,
        value: truncate(
          sources
            .map((s) =>
              isLinkSafe(s.url)
                ? `• ${linkOrText(sourceTitle(s, language), s.url, 90)}`
                : `• ${safeText(s.publisher ? `${sourceTitle(s, language)} (${s.publisher[language]})` : sourceTitle(s, language), 120)}`,
            )
            .join("\n"),
          DiscordLimits.embedFieldValue,
        ),
      },
      {
        name: truncate(text.knowledgeVersion(safeText(version, 100), date), DiscordLimits.embedFieldName),
        value: `${text.knowledgeLine(index.knowledge.statements.length, index.knowledge.topics.length)} · \`${shortHash(index.knowledge.hash)}\``,
      },
    ],
  };
  return { embeds: [embed] };
}

export function helpReply(language: Language): ReplyPayload {
  const text = messagesFor(language);
  return { embeds: [{ color: ACCENT_COLOR, title: text.helpTitle, description: text.helpText }] };
}
