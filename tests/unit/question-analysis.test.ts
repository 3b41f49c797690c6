import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/search/analyzer.js";
import { answerQuestion } from "../../src/search/answer.js";
import { asksForMissingNumber } from "../../src/search/question-shape.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { isMistypedNoise } from "../../src/search/stopwords.js";
import { knowledgeOf, mutate } from "../support/broken-knowledge.js";

const fixtureIndex = () => buildSearchIndex(knowledgeOf());

const surfaces = (analyzer: Analyzer, text: string) => analyzer.queryUnits(text).map((unit) => unit.surface);

describe("reading a question", () => {
  it("takes a greeting with its 'zusammen' as no question at all, but keeps 'zusammen' elsewhere", () => {
    const analyzer = new Analyzer([]);
    expect(surfaces(analyzer, "Hallo zusammen!")).toEqual([]);
    expect(surfaces(analyzer, "hi all")).toEqual([]);
    expect(surfaces(analyzer, "good night all")).toEqual([]);
    expect(surfaces(analyzer, "Gute Nacht!")).toEqual([]);
    expect(surfaces(analyzer, "die Nacht vor dem Gipfel")).toEqual(["nacht", "gipfel"]);
    expect(surfaces(analyzer, "arbeiten sie zusammen")).toContain("zusammen");
  });

  it("drops everyday chat words that say nothing about the summit", () => {
    const analyzer = new Analyzer([]);
    expect(surfaces(analyzer, "hey quick q, who came from kazakhstan")).toEqual(["who", "kazakhstan"]);
    expect(surfaces(analyzer, "kurze frage: hab ich was mitbekommen zum handel")).toEqual(["handel"]);
  });

  it("marks a German compound of an out-of-scope word as out of scope, not a word that merely ends alike", () => {
    const analyzer = new Analyzer([], ["Wahlen", "Lied"]);
    const flagged = (text: string) =>
      analyzer
        .queryUnits(text)
        .filter((unit) => unit.outOfScope)
        .map((unit) => unit.surface);
    expect(flagged("wann sind die nächsten Bundestagswahlen")).toEqual(["bundestagswahlen"]);
    expect(flagged("gab es Wahlen")).toEqual(["wahlen"]);
    expect(flagged("welche Auswahlen gab es")).toEqual([]);
    // A head of four letters ends too many harmless words: "Familienmitglied" is not a song.
    expect(flagged("ein Familienmitglied")).toEqual([]);
    // Only a capitalised entry, a German noun, heads compounds.
    const english = new Analyzer([], ["programming", "sport"]);
    const anyFlagged = (text: string) => english.queryUnits(text).some((unit) => unit.outOfScope);
    expect(anyFlagged("was stand auf dem Tagesprogramm")).toBe(false);
    expect(anyFlagged("transport to europe")).toBe(false);
  });

  it("recognises a mistyped stopword, and only that", () => {
    expect(isMistypedNoise("gneau")).toBe(true);
    expect(isMistypedNoise("waht")).toBe(true);
    expect(isMistypedNoise("handel")).toBe(false);
    expect(isMistypedNoise("nato")).toBe(false);
    expect(isMistypedNoise("live")).toBe(false);
    expect(isMistypedNoise("abc")).toBe(false);
    expect(isMistypedNoise("wan")).toBe(true);
    expect(isMistypedNoise("sol")).toBe(true);
    expect(isMistypedNoise("gas")).toBe(false);
    expect(isMistypedNoise("uno")).toBe(false);
  });
});

describe("answering through slips of the keyboard", () => {
  it("does not let a mistyped filler word make an answerable question look off-topic", () => {
    const index = fixtureIndex();
    const clean = answerQuestion(index, "was ist mit handel");
    const slipped = answerQuestion(index, "was ist mit handel gneau");
    expect(slipped.passages[0]?.id).toBe("economy-trade");
    expect(slipped.signals.coverage).toBe(clean.signals.coverage);
  });

  it("finds a word with two letters swapped, even one too short for fuzzy matching", () => {
    const index = fixtureIndex();
    expect(answerQuestion(index, "mroe").passages[0]?.id).toBe("economy-trade");
    expect(answerQuestion(index, "mpre").passages).toEqual([]);
    // The last two letters are not swapped: there a real word often stems to another ("bored" →
    // "borde" → "bord"). Longer words still reach fuzzy matching.
    expect(answerQuestion(index, "moer").passages).toEqual([]);
    const swapped = answerQuestion(index, "tarde");
    expect(swapped.passages[0]?.id).toBe("economy-trade");
    expect(swapped.passages[0]?.matched).toEqual(["tarde"]);
  });

  it("finds a short word with a doubled letter typed once, where fuzzy matching cannot reach", () => {
    const index = buildSearchIndex(
      knowledgeOf(mutate("    de: Mehr Handel und Investitionen.", "    de: Mehr Handel, weniger Zoll.")),
    );
    expect(answerQuestion(index, "zol").passages[0]?.id).toBe("economy-trade");
    expect(answerQuestion(index, "zul").passages).toEqual([]);
  });

  it("reads an unknown German compound by its last part, which names what it is", () => {
    const index = fixtureIndex();
    expect(answerQuestion(index, "Zollpartnerschaften").passages[0]?.id).toBe("migration-partnerships");
  });

  it("takes a glossary phrase written as one word for the phrase", () => {
    const analyzer = new Analyzer([["Ost-Ausschuss", "Eastern Committee"]]);
    expect(analyzer.queryUnits("ostausschuss?")[0]?.concepts).toEqual(["§0"]);
    expect(analyzer.queryUnits("easterncommittee")[0]?.concepts).toEqual(["§0"]);
  });

  it("forgives as many slips as the word as typed allows, not its shorter stem", () => {
    const index = buildSearchIndex(
      knowledgeOf(
        mutate(
          "    keywords: [Migration, readmission]",
          "    keywords: [Migration, readmission, trafficking]",
        ),
      ),
    );
    expect(answerQuestion(index, "trafiking").passages[0]?.id).toBe("migration-partnerships");
  });

  it("does not count a cue word the knowledge lacks against an answer", () => {
    const index = fixtureIndex();
    const plain = answerQuestion(index, "readmission");
    const withCue = answerQuestion(index, "readmission schonmal");
    expect(withCue.passages[0]?.id).toBe("migration-partnerships");
    expect(withCue.signals.coverage).toBe(plain.signals.coverage);
  });
});

describe("questions that ask for a number", () => {
  it("are answered only by a text that gives one, in digits or in words", () => {
    expect(asksForMissingNumber("How many workers came?", "Workers may come to Germany.")).toBe(true);
    expect(asksForMissingNumber("wie viele Fachkräfte kommen?", "Fachkräfte sollen kommen.")).toBe(true);
    expect(asksForMissingNumber("seit wann gibt es das?", "Das gibt es schon lange.")).toBe(true);
    expect(asksForMissingNumber("How many workers came?", "Some 5,000 workers came.")).toBe(false);
    expect(asksForMissingNumber("wie viele Staaten?", "die fünf Staaten Zentralasiens")).toBe(false);
    expect(asksForMissingNumber("who came?", "Workers came.")).toBe(false);
    // A year or a date is a number but counts nothing; it does say since when.
    expect(asksForMissingNumber("how many workers came?", "Workers came after 29 September 2023.")).toBe(
      true,
    );
    expect(asksForMissingNumber("since when do workers come?", "Workers come since 2023.")).toBe(false);
  });

  it("are declined when the best statement counts nothing, and answered when it does", () => {
    const uncounted = fixtureIndex();
    const counted = buildSearchIndex(
      knowledgeOf(
        mutate("    de: Mehr Handel und Investitionen.", "    de: 20 Prozent mehr Handel und Investitionen."),
      ),
    );
    const question = "wie viel mehr handel und investitionen";
    expect(answerQuestion(uncounted, question)).toMatchObject({
      answered: false,
      signals: { missingNumber: 1 },
    });
    expect(answerQuestion(counted, question)).toMatchObject({
      answered: true,
      signals: { missingNumber: 0 },
    });
  });
});

describe("out-of-scope phrases", () => {
  it("decline a question that uses the phrase, though the best statement uses one of its words", () => {
    const index = buildSearchIndex(
      knowledgeOf(
        mutate("statements:\n", "outOfScope: [capital of]\nstatements:\n").replace(
          "More trade and investment.",
          "More trade and capital investment.",
        ),
      ),
    );
    // Every word matches the statement; only the phrase says the question is about something else.
    expect(answerQuestion(index, "the capital of more trade and investment?")).toMatchObject({
      answered: false,
      signals: { coverage: 1, outOfScope: 1 },
    });
    expect(answerQuestion(index, "capital investment").answered).toBe(true);
  });
});
