import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { detectLanguage, type LanguageLexicon } from "../../src/search/language.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { SHIPPED_KNOWLEDGE } from "../support/test-bot.js";

let lexicon: LanguageLexicon;
beforeAll(async () => {
  const loaded = await loadKnowledgeFile(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error("the shipped knowledge is invalid");
  lexicon = buildSearchIndex(loaded.value).languageLexicon;
});

describe("language detection on short questions", () => {
  it.each([
    ["Wer hat am Gipfel teilgenommen?", "de"],
    ["wann ist das nächste treffen", "de"],
    ["gabs sowas vorher schonmal", "de"],
    ["Who signed the migration deal?", "en"],
    ["what did they say about afghanistan", "en"],
    ["how many jobs", "en"],
  ])("%s → %s", (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });

  it.each([
    "Gletscherschmelze",
    "Wasserknappheit",
    "Rohstoffpartnerschaft",
    "Menschenrechte",
    "Grenzschutz",
    "Rückführungen",
    "Ruecknahmeabkommen",
  ])("tells the single German word %s as German", (word) => {
    expect(detectLanguage(word, lexicon)).toBe("de");
  });

  it.each([
    "readmission",
    "sanctions",
    "scholarship",
    "glacier melting",
    "water scarcity",
    "Washington",
    "partnerships",
  ])("keeps the English %s English", (words) => {
    expect(detectLanguage(words, lexicon)).toBe("en");
  });

  it.each(["Kanzler", "Kanzler?", "Kanzlerin", "Gipfel", "Abkommen", "Treffen"])(
    "tells the short German noun %s as German, with or without the knowledge",
    (word) => {
      expect(detectLanguage(word, lexicon)).toBe("de");
      expect(detectLanguage(word)).toBe("de");
    },
  );

  it.each(["chancellor", "summit", "agreement", "deportations", "the chancellor's topic", "meeting"])(
    "keeps the English %s English",
    (words) => {
      expect(detectLanguage(words, lexicon)).toBe("en");
    },
  );

  it("takes a word found only inside the knowledge's German words as German, not one English uses too", () => {
    const knowledge = new Map([
      ["bundeskanzleramt", 1],
      ["wirtschaftspartner", 1],
      ["partnership", -1],
    ]);
    expect(detectLanguage("Kanzleramt", knowledge)).toBe("de");
    expect(detectLanguage("Kanzleramt", new Map())).toBe("unknown");
    expect(detectLanguage("partner", knowledge)).not.toBe("de");
  });

  it("recognises scripts it does not read", () => {
    expect(detectLanguage("Кто участвовал в саммите?")).toBe("other");
    expect(detectLanguage("峰会在哪里举行")).toBe("other");
  });

  it("admits when there is no sign of either language", () => {
    expect(detectLanguage("Japarov")).toBe("unknown");
    expect(detectLanguage("2024")).toBe("unknown");
    expect(detectLanguage("")).toBe("unknown");
  });
});
