import { beforeAll, describe, expect, it } from "vitest";
import { renderAbout, renderStatement } from "../../src/cli/terminal-render.js";
import { aboutReply, statementReply } from "../../src/discord/render/info-view.js";
import {
  statusReply,
  versionLabel as versionLabelWithSize,
} from "../../src/discord/render/knowledge-view.js";
import { messagesFor } from "../../src/i18n/messages.js";
import { versionLabel } from "../../src/i18n/version-label.js";
import { loadKnowledgeFile, parseKnowledge } from "../../src/knowledge/load.js";
import { answerQuestion } from "../../src/search/answer.js";
import type { Language } from "../../src/search/language.js";
import { buildSearchIndex, type SearchIndex } from "../../src/search/search-index.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let index: SearchIndex;
beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("the shipped knowledge is invalid");
  index = buildSearchIndex(loaded.value);
});

/** Words of the file's making that no reader should see, and German a reader of English would. */
const INTERNAL = /Grundlagentext|nicht angegeben|des Bots/;
const GERMAN_IN_ENGLISH = /Nachrichtenbericht|Pressemitteilung|Bundesministerium|Meldung|Bericht über/;

describe("reply wording", () => {
  it("titles every source in the reply language, without internal wording", () => {
    for (const statement of index.knowledge.statements) {
      for (const language of ["en", "de"] as const) {
        const passage = answerQuestion(index, statement.questions[0] ?? statement.id, { language })
          .passages[0];
        if (!passage) continue;
        expect(passage.source).not.toMatch(INTERNAL);
        if (language === "en") expect(passage.source, passage.id).not.toMatch(GERMAN_IN_ENGLISH);
      }
      const english = renderStatement(index.knowledge, statement, "en");
      expect(english).not.toMatch(INTERNAL);
      expect(english.split("\n").find((line) => line.startsWith("Source:"))).not.toMatch(GERMAN_IN_ENGLISH);
      const embed = statementReply(index, statement, "en").embeds?.[0];
      const sourceField = embed?.fields?.find((field) => field.name === "Source")?.value ?? "";
      expect(sourceField, statement.id).not.toMatch(GERMAN_IN_ENGLISH);
      expect(sourceField).not.toMatch(INTERNAL);
    }
  });

  it("lists the sources in /about in the reply language", () => {
    const english = JSON.stringify(aboutReply(index, "en"));
    expect(english).toMatch(/News report on the summit \(in German\)/);
    expect(english).not.toMatch(INTERNAL);
    const german = JSON.stringify(aboutReply(index, "de"));
    expect(german).toMatch(/Nachrichtenbericht über den Gipfel \(deutschsprachig\)/);
    expect(renderAbout(index.knowledge, "en")).not.toMatch(INTERNAL);
  });

  it("keeps the document's own name where a source has no title, and accepts a localized publisher", () => {
    const text = `title: t\nversion: "1"\ndate: "2024-01-01"\nsummit:\n  title: { de: Gipfel, en: Summit }\n  date: "2023-09-29"\n  place: { de: Berlin, en: Berlin }\n  participants:\n    - country: { de: Deutschland, en: Germany }\n      leader: { de: Scholz, en: Scholz }\nsources:\n  - id: plain\n    name: Ein Bericht\n    publisher: { de: Ministerium, en: Ministry }\ntopics:\n  - { id: summit, de: Gipfel, en: Summit }\nstatements:\n  - id: one\n    topic: summit\n    de: Der Gipfel fand statt.\n    en: The summit took place.\n    source: plain\n    quote: false\n    questions: [Fand der Gipfel statt?, Did the summit take place?]\n`;
    const parsed = parseKnowledge(text, "inline.yaml");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const small = buildSearchIndex(parsed.value);
    expect(answerQuestion(small, "Did the summit take place?", { language: "en" }).passages[0]?.source).toBe(
      "Ein Bericht, Ministry",
    );
  });

  it("introduces /about grammatically in both languages, the summit's title standing alone", () => {
    for (const language of ["en", "de"] as Language[]) {
      const { summit } = index.knowledge.document;
      const intro = messagesFor(language).aboutIntro(
        summit.title[language],
        summit.date,
        summit.place[language],
      );
      expect(intro).toContain(`: ${summit.title[language]} (`);
    }
    const embed = aboutReply(index, "de").embeds?.[0];
    expect(embed?.description).not.toMatch(/zum Erstes|zum First/);
    expect(aboutReply(index, "en").embeds?.[0]?.description).not.toMatch(/the First/);
  });

  it("shows the knowledge version once when it already is the date", () => {
    expect(versionLabel("2026.11.25", "2026-11-25")).toBe("2026.11.25");
    expect(versionLabel("7", "2026-11-25")).toBe("7 (2026-11-25)");
    expect(versionLabel("2026.11.25-b", "2026-11-25")).toBe("2026.11.25-b");
    const footer = statementReply(index, index.knowledge.statements[0] as never, "en").embeds?.[0]?.footer
      ?.text;
    const { version } = index.knowledge.document;
    expect(footer?.split(version).length).toBe(2);
    expect(footer).not.toMatch(/\(\d{4}-\d{2}-\d{2}\)/);
  });
});

describe("moderators' replies in their language", () => {
  it("says versions and cut error lists in German to a German moderator", () => {
    const knowledge = index.knowledge;
    const issues = Array.from({ length: 200 }, (_, line) => ({
      file: "summit.yaml",
      line,
      column: 1,
      field: "statements",
      message: "a long enough complaint about this line of the file",
    }));
    const german = JSON.stringify(statusReply(knowledge, { at: new Date(), actor: "mod", issues }, "de"));
    expect(german).toMatch(/\d+ Aussagen\)/);
    expect(german).toMatch(/… und \d+ weitere/);
    expect(german).not.toMatch(/statements\)|and \d+ more/);
    expect(versionLabelWithSize(knowledge, "en")).toMatch(/ \d+ statements\)$/);
  });
});
