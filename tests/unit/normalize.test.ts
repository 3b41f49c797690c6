import { describe, expect, it } from "vitest";
import { cleanUserText, foldText, tokenize } from "../../src/search/normalize.js";
import { stem } from "../../src/search/stem.js";

describe("text normalisation", () => {
  it("folds umlauts so that ä and ae meet, and ß and ss", () => {
    expect(tokenize("Gespräche über Rückführung")).toEqual(tokenize("Gespraeche ueber Rueckfuehrung"));
    expect(tokenize("Straße")).toEqual(["strasse"]);
    expect(tokenize("STRASSE")).toEqual(["strasse"]);
  });

  it("drops other diacritics and case", () => {
    expect(tokenize("Émomali RAHMON")).toEqual(["emomali", "rahmon"]);
  });

  it("removes zero-width and control characters that would split or disguise words", () => {
    expect(tokenize("Kir\u200bgis\u00adistan\u0007")).toEqual(["kirgisistan"]);
    expect(cleanUserText("  who\u200d  came\n\tfrom   KZ?\u202e ")).toBe("who came from KZ?");
  });

  it("keeps grouped numbers as one token and splits on punctuation", () => {
    expect(tokenize("35.000 Arbeitsplätze, 10,5 Mrd.")).toEqual(["35000", "arbeitsplaetze", "105", "mrd"]);
    expect(tokenize("EU-Strategie/Global Gateway!")).toEqual(["eu", "strategie", "global", "gateway"]);
  });

  it("takes the fast path for plain words and the full path for everything else alike", () => {
    for (const word of ["Kasachstan,", "migration.", "Usbekistan?", "Zentralasien)"]) {
      expect(tokenize(word)).toEqual(
        foldText(word)
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean),
      );
    }
  });
});

describe("stemming", () => {
  it("maps inflections of one word to one key, in both languages", () => {
    expect(stem("partnerschaften")).toBe(stem("partnerschaft"));
    expect(stem("agreements")).toBe(stem("agreement"));
    expect(stem("countries")).toBe(stem("country"));
    expect(stem("migrants")).toBe(stem("migrant"));
  });

  it("leaves short words, numbers and double-s endings alone", () => {
    expect(stem("eu")).toBe("eu");
    expect(stem("2024")).toBe("2024");
    expect(stem("kongress")).toBe("kongress");
  });
});
