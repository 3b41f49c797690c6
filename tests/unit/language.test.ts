import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/search/language.js";

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
