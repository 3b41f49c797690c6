import { type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { type AnswerStanding, answerNotes } from "../../i18n/answer-notes.js";
import { messagesFor, UNSUPPORTED_LANGUAGE_NOTE } from "../../i18n/messages.js";
import { type Answer, closestTopicNames, nearMisses, type Passage } from "../../search/answer.js";
import type { Language } from "../../search/language.js";
import type { SearchIndex } from "../../search/search-index.js";
import { type AskButtonId, askButtonIds, type ShownStanding, voteIds } from "../commands/ask-ids.js";
import { topicsIds } from "../commands/topics-ids.js";
import { VERSION_LENGTH } from "../custom-ids.js";
import { DiscordLimits, isLinkSafe, linkOrText, safeText, truncate } from "./limits.js";
import { ACCENT_COLOR, type ReplyPayload, servedVersionLine } from "./reply.js";

export const SHOWN_PASSAGES = 3;
/** How many further passages "More results" may show. */
export const MORE_PASSAGES = 5;

export function versionTag(index: SearchIndex): string {
  return index.knowledge.hash.slice(0, VERSION_LENGTH);
}

/** The reply to a question: passages as embeds with their sources, or an honest "not found". */
export function answerReply(answer: Answer, index: SearchIndex, requestId?: string): ReplyPayload {
  const text = messagesFor(answer.language);
  if (answer.outcome === "unsupported-language") return { content: UNSUPPORTED_LANGUAGE_NOTE };
  if (answer.outcome === "empty") return { content: text.emptyQuestion };
  if (!answer.answered) return noAnswerReply(answer, index);

  const shown = answer.passages.slice(0, SHOWN_PASSAGES);
  const more = answer.passages.slice(SHOWN_PASSAGES, SHOWN_PASSAGES + MORE_PASSAGES);
  const footer = `${servedVersionLine(index, text)} · ${text.confidence(Math.round(answer.confidence * 100))}`;
  const buttons = [
    ...(more.length > 0
      ? [
          button(
            askButtonIds.encode({
              kind: "ask-more",
              version: versionTag(index),
              language: answer.language,
              statements: positionsOf(index, more),
            }),
            text.buttonMoreResults,
            ButtonStyle.Primary,
          ),
        ]
      : []),
    languageButton(index, answer.language, positionsOf(index, shown), shownStanding(answer), requestId),
    ...(requestId ? voteButtons(index, answer.language, requestId, positionsOf(index, shown)) : []),
  ];
  // A likely answer says so before its passages, with the 👎 beside it; an answer to a question
  // about today says as of when it speaks.
  const notes = notesAbove(answer, index, requestId !== undefined);
  return {
    ...(notes.length > 0 ? { content: truncate(notes.join("\n"), DiscordLimits.content) } : {}),
    embeds: passageEmbeds(shown, index, answer.language, footer, answer.question),
    components: [{ type: ComponentType.ActionRow, components: buttons }],
    textFallback: truncate(
      [...notes, passagesAsText(shown, answer.language, footer)].join("\n\n"),
      DiscordLimits.content,
    ),
  };
}

/**
 * The same statements again in the other language: with the notes the answer had, now in this
 * language, the button back and the 👍/👎 row. `content` is always set, empty when there are no
 * notes, so that an update does not keep the other language's notes above these passages.
 */
export function languageSwitchReply(
  passages: readonly Passage[],
  index: SearchIndex,
  id: Extract<AskButtonId, { kind: "ask-language" }>,
): ReplyPayload {
  const { language, statements: positions, standing, answer } = id;
  const text = messagesFor(language);
  const footer = servedVersionLine(index, text);
  const notes = standing
    ? notesAbove(
        {
          language,
          certainty: standing.certainty,
          confidence: standing.permille / 1000,
          aboutNow: standing.aboutNow,
        },
        index,
        answer !== undefined,
      )
    : [];
  const buttons = [
    languageButton(index, language, positions, standing, answer),
    ...(answer ? voteButtons(index, language, answer, positions) : []),
  ];
  return {
    content: truncate(notes.join("\n"), DiscordLimits.content),
    embeds: passageEmbeds(passages, index, language, footer),
    components: [{ type: ComponentType.ActionRow as const, components: buttons }],
    textFallback: truncate(
      [...notes, passagesAsText(passages, language, footer)].join("\n\n"),
      DiscordLimits.content,
    ),
  };
}

/** The notes above an answer's passages, made safe for Discord. */
function notesAbove(standing: AnswerStanding, index: SearchIndex, voteAtHand: boolean): string[] {
  return answerNotes(standing, index.knowledge, voteAtHand).map((note) =>
    safeText(note, DiscordLimits.content),
  );
}

/** What the language button carries of an answer, to show its notes again in the other language. */
function shownStanding(answer: Answer): ShownStanding | undefined {
  if (answer.certainty === "none") return undefined;
  return {
    certainty: answer.certainty,
    permille: Math.floor(answer.confidence * 1000),
    aboutNow: answer.aboutNow,
  };
}

/**
 * Further passages, for "More results", or the nearest misses of a declined question, under a
 * note that says they are no sure answer. No buttons: these are the tail.
 */
export function morePassagesReply(
  passages: readonly Passage[],
  index: SearchIndex,
  language: Language,
  note?: string,
): ReplyPayload {
  const text = messagesFor(language);
  if (passages.length === 0) return { content: text.noMoreResults };
  const footer = servedVersionLine(index, text);
  return {
    ...(note ? { content: note } : {}),
    embeds: passageEmbeds(passages, index, language, footer),
    textFallback: [...(note ? [note] : []), passagesAsText(passages, language, footer)].join("\n\n"),
  };
}

function noAnswerReply(answer: Answer, index: SearchIndex): ReplyPayload {
  const text = messagesFor(answer.language);
  // Topic names come from the knowledge file: escaped like every other text from it.
  const topics = safeText(closestTopicNames(answer, index.knowledge), 500);
  const lines =
    answer.outcome === "ambiguous"
      ? [text.broadQuestion(topics)]
      : [text.noAnswer, ...(topics ? [text.closestTopics(topics)] : []), text.tryTopics];
  const near = positionsOf(index, nearMisses(answer));
  return {
    content: truncate(lines.join("\n"), DiscordLimits.content),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          // Unsure is not wrong: the right statement is often among the nearest, one click away.
          ...(near.length > 0
            ? [
                button(
                  askButtonIds.encode({
                    kind: "ask-near",
                    version: versionTag(index),
                    language: answer.language,
                    statements: near,
                  }),
                  text.buttonClosestStatements,
                  ButtonStyle.Primary,
                ),
              ]
            : []),
          button(
            topicsIds.encode({ kind: "topics-home", language: answer.language }),
            text.topicsTitle,
            ButtonStyle.Secondary,
          ),
        ],
      },
    ],
  };
}

/** The passages' statements by position in the knowledge: what a button id carries. */
function positionsOf(index: SearchIndex, passages: readonly Passage[]): number[] {
  return passages
    .map((passage) => index.statementPositions.get(passage.id) ?? -1)
    .filter((position) => position >= 0);
}

function languageButton(
  index: SearchIndex,
  current: Language,
  positions: readonly number[],
  standing: ShownStanding | undefined,
  answer: string | undefined,
) {
  const target: Language = current === "de" ? "en" : "de";
  const text = messagesFor(current);
  return button(
    askButtonIds.encode({
      kind: "ask-language",
      version: versionTag(index),
      language: target,
      statements: [...positions],
      standing,
      answer,
    }),
    target === "de" ? text.buttonGerman : text.buttonEnglish,
    ButtonStyle.Secondary,
  );
}

/** 👍 / 👎 on every answer: what people found unhelpful is what moderators should look at. */
function voteButtons(
  index: SearchIndex,
  language: Language,
  requestId: string,
  positions: readonly number[],
) {
  const text = messagesFor(language);
  const vote = (value: 1 | -1, emoji: string, label: string) => ({
    ...button(
      voteIds.encode({
        kind: "vote",
        vote: value,
        language,
        version: versionTag(index),
        answer: requestId,
        statements: [...positions],
      }),
      label,
      ButtonStyle.Secondary,
    ),
    emoji: { name: emoji },
  });
  return [vote(1, "👍", text.voteHelpful), vote(-1, "👎", text.voteNotHelpful)];
}

function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary) {
  return {
    type: ComponentType.Button as const,
    custom_id: customId,
    label: truncate(label, DiscordLimits.buttonLabel),
    style,
  };
}

export function passageEmbeds(
  passages: readonly Passage[],
  index: SearchIndex,
  language: Language,
  footer: string,
  question?: string,
): APIEmbed[] {
  const text = messagesFor(language);
  const embeds = passages.map((passage, position): APIEmbed => {
    const topic = index.knowledge.topicsById.get(passage.topic);
    const source = linkOrText(passage.source, passage.sourceUrl, 300);
    return {
      color: ACCENT_COLOR,
      title: truncate(
        `${position + 1}. ${safeText(topic ? topic[language] : passage.topic, DiscordLimits.embedTitle)}`,
        DiscordLimits.embedTitle,
      ),
      ...(isLinkSafe(passage.sourceUrl) ? { url: passage.sourceUrl } : {}),
      description: safeText(
        passage.quote ? `„${passage.text}“` : passage.text,
        DiscordLimits.embedDescription,
      ),
      fields: [{ name: text.source, value: truncate(source, DiscordLimits.embedFieldValue), inline: false }],
      footer: {
        text: truncate(
          `${passage.quote ? text.directQuote : text.paraphrase} · ${passage.id}`,
          DiscordLimits.embedFooter,
        ),
      },
    };
  });
  const first = embeds[0];
  // The question heads the answer so a public reply makes sense on its own; an author line
  // renders neither markdown nor mentions.
  if (first && question)
    embeds[0] = { ...first, author: { name: truncate(question, DiscordLimits.embedAuthor) } };
  const last = embeds.at(-1);
  if (last)
    embeds[embeds.length - 1] = {
      ...last,
      footer: { text: truncate(`${last.footer?.text ?? ""} · ${footer}`, DiscordLimits.embedFooter) },
    };
  return fitTotal(embeds);
}

/** Discord rejects a message whose embeds hold more than 6000 characters in all. */
export function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  const size = (embed: APIEmbed): number =>
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  let total = embeds.reduce((sum, embed) => sum + size(embed), 0);
  for (let position = embeds.length - 1; position >= 0 && total > DiscordLimits.embedTotal; position--) {
    const embed = embeds[position] as APIEmbed;
    const description = embed.description ?? "";
    const keep = Math.max(100, description.length - (total - DiscordLimits.embedTotal));
    embeds[position] = { ...embed, description: truncate(description, keep) };
    total -= description.length - (embeds[position]?.description?.length ?? 0);
  }
  return embeds;
}

/** Plain-text form for channels without the Embed Links permission. */
export function passagesAsText(passages: readonly Passage[], language: Language, footer: string): string {
  const text = messagesFor(language);
  const budget = Math.floor((DiscordLimits.content - footer.length - 10) / Math.max(passages.length, 1));
  const blocks = passages.map((passage, position) =>
    truncate(
      `**${position + 1}.** ${safeText(passage.text, DiscordLimits.content)}\n*${text.source}: ${safeText(passage.source, 300)}${isLinkSafe(passage.sourceUrl) ? ` <${passage.sourceUrl}>` : ""} · ${passage.quote ? text.directQuote : text.paraphrase}*`,
      budget,
    ),
  );
  // An embed's footer shows no markdown; as subtext it does, and it holds the knowledge's version.
  return truncate(
    [...blocks, `-# ${safeText(footer, DiscordLimits.embedFooter)}`].join("\n\n"),
    DiscordLimits.content,
  );
}
