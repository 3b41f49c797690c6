import { type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { messagesFor } from "../../i18n/messages.js";
import type { Language } from "../../search/language.js";
import type { SearchIndex } from "../../search/search-index.js";
import { topicsIds } from "../commands/topics-ids.js";
import { DiscordLimits, safeText, truncate } from "./limits.js";
import { ACCENT_COLOR, type ReplyPayload } from "./reply.js";

export const STATEMENTS_PER_PAGE = 5;

/** The list of topics with a menu to open one. */
export function topicsHomeReply(index: SearchIndex, language: Language): ReplyPayload {
  const text = messagesFor(language);
  const counts = statementCounts(index);
  const topics = index.knowledge.topics.slice(0, DiscordLimits.selectOptions);
  const embed: APIEmbed = {
    color: ACCENT_COLOR,
    title: text.topicsTitle,
    description: truncate(
      [
        text.topicsIntro,
        "",
        ...index.knowledge.topics.map(
          (topic) => `• ${safeText(topic[language], 200)} (${counts.get(topic.id) ?? 0})`,
        ),
      ].join("\n"),
      DiscordLimits.embedDescription,
    ),
  };
  return {
    embeds: [embed],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: topicsIds.encode({ kind: "topics-select", language }),
            placeholder: text.chooseTopic,
            options: topics.map((topic) => ({
              label: truncate(topic[language], DiscordLimits.selectLabel),
              value: topic.id,
              description: truncate(
                `${counts.get(topic.id) ?? 0} · ${topic.id}`,
                DiscordLimits.selectDescription,
              ),
            })),
          },
        ],
      },
    ],
  };
}

/** One page of a topic's statements, with paging buttons; undefined for an unknown topic. */
export function topicPageReply(
  index: SearchIndex,
  language: Language,
  topicId: string,
  requestedPage: number,
): ReplyPayload | undefined {
  const topic = index.knowledge.topicsById.get(topicId);
  if (!topic) return undefined;
  const text = messagesFor(language);
  const statements = index.knowledge.statements.filter((statement) => statement.topic === topicId);
  const pages = Math.max(1, Math.ceil(statements.length / STATEMENTS_PER_PAGE));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const shown = statements.slice(page * STATEMENTS_PER_PAGE, (page + 1) * STATEMENTS_PER_PAGE);
  const pageId = (target: number) =>
    topicsIds.encode({ kind: "topics-page", language, topic: topicId, page: target });
  return {
    embeds: [
      {
        color: ACCENT_COLOR,
        title: truncate(
          text.topicStatements(safeText(topic[language], 100), page + 1, pages),
          DiscordLimits.embedTitle,
        ),
        fields: shown.map((statement) => ({
          name: truncate(statement.id, DiscordLimits.embedFieldName),
          value: safeText(statement[language], 700),
        })),
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: pageId(page - 1),
            label: text.previous,
            disabled: page === 0,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: pageId(page + 1),
            label: text.next,
            disabled: page >= pages - 1,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            custom_id: topicsIds.encode({ kind: "topics-home", language }),
            label: text.backToTopics,
          },
        ],
      },
    ],
  };
}

function statementCounts(index: SearchIndex): Map<string, number> {
  const counts = new Map<string, number>();
  for (const statement of index.knowledge.statements)
    counts.set(statement.topic, (counts.get(statement.topic) ?? 0) + 1);
  return counts;
}
