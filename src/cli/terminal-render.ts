import { answerNotes } from "../i18n/answer-notes.js";
import { messagesFor, UNSUPPORTED_LANGUAGE_NOTE } from "../i18n/messages.js";
import type { KnowledgeSet, Statement } from "../knowledge/knowledge-set.js";
import { sourceLine } from "../knowledge/sources.js";
import { type Answer, closestTopicNames, nearMisses } from "../search/answer.js";
import type { Language } from "../search/language.js";

/** Answers and listings as plain text for a terminal: the bot's replies without Discord. */

export function renderAnswer(answer: Answer, knowledge: KnowledgeSet): string {
  const text = messagesFor(answer.language);
  const lines: string[] = [];
  if (answer.outcome === "unsupported-language") {
    lines.push(UNSUPPORTED_LANGUAGE_NOTE);
  } else if (answer.outcome === "empty") {
    lines.push(text.emptyQuestion);
  } else if (answer.outcome === "ambiguous") {
    lines.push(text.broadQuestion(closestTopicNames(answer, knowledge)));
  } else if (!answer.answered) {
    lines.push(text.noAnswer);
    const topics = closestTopicNames(answer, knowledge);
    if (topics) lines.push(text.closestTopics(topics));
    const near = nearMisses(answer);
    if (near.length > 0) {
      lines.push(
        text.closestStatements(
          near.map((passage) => `/${text.commands.statement.name ?? "statement"} ${passage.id}`).join(", "),
        ),
      );
    }
    lines.push(text.tryTopics.replaceAll("`", ""));
  } else {
    lines.push(...answerNotes(answer, knowledge, false));
    answer.passages.forEach((passage, position) => {
      const kind = passage.quote ? text.directQuote : text.paraphrase;
      lines.push(`${position + 1}. ${passage.text}`);
      lines.push(`   ${text.source}: ${passage.source}${passage.sourceUrl ? ` <${passage.sourceUrl}>` : ""}`);
      lines.push(`   ${kind} · ${passage.id}`);
    });
    lines.push(
      `${text.knowledgeVersion(knowledge.document.version, knowledge.document.date)} · ${text.confidence(Math.round(answer.confidence * 100))}`,
    );
  }
  return lines.join("\n");
}

export function renderTopics(knowledge: KnowledgeSet, language: Language): string {
  const text = messagesFor(language);
  const counts = new Map<string, number>();
  for (const statement of knowledge.statements)
    counts.set(statement.topic, (counts.get(statement.topic) ?? 0) + 1);
  return [
    `${text.topicsTitle}:`,
    ...knowledge.topics.map(
      (topic) => `  ${topic.id.padEnd(24)} ${topic[language]} (${counts.get(topic.id) ?? 0})`,
    ),
  ].join("\n");
}

export function renderTopicStatements(
  knowledge: KnowledgeSet,
  topicId: string,
  language: Language,
): string | undefined {
  const topic = knowledge.topicsById.get(topicId);
  if (!topic) return undefined;
  const statements = knowledge.statements.filter((statement) => statement.topic === topicId);
  return [
    `${topic[language]}:`,
    ...statements.map((statement) => `  ${statement.id}: ${statement[language]}`),
  ].join("\n");
}

export function renderStatement(knowledge: KnowledgeSet, statement: Statement, language: Language): string {
  const text = messagesFor(language);
  const source = knowledge.sourcesById.get(statement.source);
  const topic = knowledge.topicsById.get(statement.topic);
  return [
    `${text.statementTitle(statement.id)} — ${text.topic}: ${topic ? topic[language] : statement.topic}`,
    `DE: ${statement.de}`,
    `EN: ${statement.en}`,
    `${text.source}: ${source ? sourceLine(source, language) : statement.source}${source?.url ? ` <${source.url}>` : ""}`,
    statement.quote ? text.directQuote : text.paraphrase,
  ].join("\n");
}

export function renderAbout(knowledge: KnowledgeSet, language: Language): string {
  const text = messagesFor(language);
  const { summit, sources } = knowledge.document;
  return [
    text.aboutIntro(summit.title[language], summit.date, summit.place[language]),
    "",
    `${text.participants}:`,
    ...summit.participants.map(
      (participant) => `  ${participant.country[language]} — ${participant.leader[language]}`,
    ),
    "",
    `${text.sources}:`,
    ...sources.map((source) => `  ${sourceLine(source, language)}${source.url ? ` <${source.url}>` : ""}`),
    "",
    `${text.knowledgeVersion(knowledge.document.version, knowledge.document.date)} · ${text.knowledgeLine(knowledge.statements.length, knowledge.topics.length)}`,
  ].join("\n");
}
