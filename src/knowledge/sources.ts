import type { Language } from "../search/language.js";
import type { SourceRecord } from "./schema.js";

/** What replies call a source, in their language: its title, else the document's own name. */
export function sourceTitle(source: SourceRecord, language: Language): string {
  return source.title?.[language] ?? source.name;
}

/** A source as one line in the reply language: title, publisher, date. */
export function sourceLine(source: SourceRecord, language: Language): string {
  return [sourceTitle(source, language), source.publisher?.[language], source.date]
    .filter(Boolean)
    .join(", ");
}

/** Every name a source goes by, each once: what a question may use to find its statements. */
export function sourceNames(source: SourceRecord): string {
  const names = [source.name, source.title?.de, source.title?.en, source.publisher?.de, source.publisher?.en];
  return [...new Set(names.filter(Boolean))].join(" \n ");
}
