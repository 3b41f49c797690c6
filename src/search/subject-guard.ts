import type { Statement } from "../knowledge/knowledge-set.js";
import { tokenize } from "./normalize.js";
import type { ResolvedUnit, ScoredStatement } from "./score.js";
import type { SearchIndex } from "./search-index.js";
import { stem } from "./stem.js";
import { NAMING_SIMILARITY } from "./tuning.js";

/**
 * The summit's participants as subjects of questions: each country with its leader is one
 * subject, known by every term the glossary gives its names ("Tadschikistan", "Tajik", "Rahmon").
 * A question about Tajikistan must not be answered with a statement about Uzbekistan. The host,
 * whom the summit's title names ("the German Chancellor"), is party to every statement, named or
 * not: a statement naming Germany is not thereby about another subject.
 */
interface SubjectTable {
  /** Per participant, the index terms (words and glossary concepts) that name it. */
  readonly subjects: readonly ReadonlySet<string>[];
  readonly ofStatement: WeakMap<Statement, ReadonlySet<number>>;
  /** Every term naming any participant, the host's too. */
  readonly allSubjects: ReadonlySet<string>;
}

const tables = new WeakMap<SearchIndex, SubjectTable>();

function tableOf(index: SearchIndex): SubjectTable {
  let table = tables.get(index);
  if (!table) {
    const { summit } = index.knowledge.document;
    const titleTerms = new Set(index.analyzer.indexTerms(`${summit.title.de} ${summit.title.en}`));
    const subjects = summit.participants.map((participant) => {
      const names = [
        participant.country.de,
        participant.country.en,
        participant.leader.de,
        participant.leader.en,
      ]
        // "Emomali Rahmon (Präsident)": the office in brackets names no one in particular.
        .map((name) => name.replace(/\([^)]*\)/g, " "))
        .join(" ");
      const terms = new Set<string>();
      for (const word of tokenize(names)) {
        const term = stem(word);
        terms.add(term);
        for (const concept of index.analyzer.conceptsOf(term)) terms.add(concept);
      }
      return terms;
    });
    const allSubjects = new Set(subjects.flatMap((terms) => [...terms]));
    table = {
      subjects: subjects.map((terms) =>
        [...terms].some((term) => titleTerms.has(term)) ? new Set<string>() : terms,
      ),
      ofStatement: new WeakMap(),
      allSubjects,
    };
    tables.set(index, table);
  }
  return table;
}

function subjectsOfStatement(
  index: SearchIndex,
  table: SubjectTable,
  statementIndex: number,
): ReadonlySet<number> {
  const statement = index.knowledge.statements[statementIndex] as Statement;
  let named = table.ofStatement.get(statement);
  if (!named) {
    const terms = new Set(index.analyzer.indexTerms(`${statement.de} ${statement.en}`));
    named = subjectsNamed(table, (term) => terms.has(term));
    table.ofStatement.set(statement, named);
  }
  return named;
}

function subjectsNamed(table: SubjectTable, uses: (term: string) => boolean): Set<number> {
  const named = new Set<number>();
  table.subjects.forEach((terms, subject) => {
    for (const term of terms) {
      if (uses(term)) {
        named.add(subject);
        return;
      }
    }
  });
  return named;
}

/** Whether a word as typed names a participant ("Usbekistan", "Tokayev's"), the host included. */
export function namesParticipant(index: SearchIndex, word: string): boolean {
  const { allSubjects } = tableOf(index);
  return tokenize(word).some((token) => {
    const term = stem(token);
    return [term, ...index.analyzer.conceptsOf(term)].some((name) => allSubjects.has(name));
  });
}

/** The participants the question names. */
export function subjectsAsked(index: SearchIndex, resolved: readonly ResolvedUnit[]): Set<number> {
  const asked = new Set<string>();
  for (const unit of resolved) {
    for (const alternative of unit.alternatives) {
      if (alternative.similarity >= NAMING_SIMILARITY) asked.add(index.terms[alternative.termId] as string);
    }
  }
  return subjectsNamed(tableOf(index), (term) => asked.has(term));
}

/** A statement is about another subject when it leaves out one asked and names one not asked. */
function aboutAnother(named: ReadonlySet<number>, asked: ReadonlySet<number>): boolean {
  return (
    [...asked].some((subject) => !named.has(subject)) && [...named].some((subject) => !asked.has(subject))
  );
}

export interface GuardedRanking {
  readonly ranked: readonly ScoredStatement[];
  /** The best statement is about another participant and none of the candidates names the one asked. */
  readonly otherSubject: boolean;
}

/**
 * When the best statement is about another participant than the question names, the first
 * candidate that names every participant asked takes its place, and the statements about others
 * drop out; without such a candidate the question is not answered.
 */
export function guardSubjects(
  index: SearchIndex,
  resolved: readonly ResolvedUnit[],
  ranked: readonly ScoredStatement[],
): GuardedRanking {
  const best = ranked[0];
  if (!best) return { ranked, otherSubject: false };
  const asked = subjectsAsked(index, resolved);
  if (asked.size === 0) return { ranked, otherSubject: false };
  const table = tableOf(index);
  const named = (scored: ScoredStatement) => subjectsOfStatement(index, table, scored.statementIndex);
  if (!aboutAnother(named(best), asked)) return { ranked, otherSubject: false };
  const fitting = ranked.filter((scored) => !aboutAnother(named(scored), asked));
  const namesAsked = fitting.find((scored) => [...asked].every((subject) => named(scored).has(subject)));
  if (!namesAsked) return { ranked, otherSubject: true };
  return { ranked: [namesAsked, ...fitting.filter((scored) => scored !== namesAsked)], otherSubject: false };
}
