import type { KnowledgeSet, Statement } from "./knowledge-set.js";
import type { TopicRecord } from "./schema.js";

/** Ids and titles as people type them: any case, surrounding space ignored. */
function typed(text: string): string {
  return text.trim().toLocaleLowerCase("de");
}

/** A statement by its id, whatever the case ("Participant-Tokayev"). */
export function findStatement(knowledge: KnowledgeSet, id: string): Statement | undefined {
  const exact = knowledge.statementsById.get(id.trim());
  if (exact) return exact;
  const wanted = typed(id);
  return knowledge.statements.find((statement) => statement.id === wanted);
}

/** A topic by its id or its title in either language, whatever the case ("Migration", "migration"). */
export function findTopic(knowledge: KnowledgeSet, text: string): TopicRecord | undefined {
  const wanted = typed(text);
  if (wanted === "") return undefined;
  return knowledge.topics.find(
    (topic) => topic.id === wanted || typed(topic.de) === wanted || typed(topic.en) === wanted,
  );
}
