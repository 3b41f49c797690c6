import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CustomId, decodeCustomId, encodeCustomId } from "../../src/discord/custom-ids.js";

const language = fc.constantFrom("de" as const, "en" as const);
const version = fc.stringMatching(/^[0-9a-f]{8}$/);
const positions = fc.array(fc.nat({ max: 99_999 }), { maxLength: 8 });
const customId: fc.Arbitrary<CustomId> = fc.oneof(
  fc.record({ kind: fc.constant("ask-more" as const), version, language, statements: positions }),
  fc.record({ kind: fc.constant("ask-language" as const), version, language, statements: positions }),
  fc.record({ kind: fc.constant("ask-near" as const), version, language, statements: positions }),
  fc.record({ kind: fc.constant("topics-home" as const), language }),
  fc.record({ kind: fc.constant("topics-select" as const), language }),
  fc.record({
    kind: fc.constant("topics-page" as const),
    language,
    topic: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).filter((topic) => topic.length <= 60),
    page: fc.nat({ max: 9999 }),
  }),
  fc.record({
    kind: fc.constant("knowledge-confirm" as const),
    language,
    upload: fc.stringMatching(/^[0-9a-f]{16}$/),
  }),
  fc.record({
    kind: fc.constant("vote" as const),
    vote: fc.constantFrom(1 as const, -1 as const),
    language,
    version,
    answer: fc.stringMatching(/^\d{17,20}$/),
    statements: fc.array(fc.nat({ max: 99_999 }), { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant("knowledge-cancel" as const),
    language,
    upload: fc.stringMatching(/^[0-9a-f]{16}$/),
  }),
);

describe("button and menu ids", () => {
  it("round-trip and fit Discord's 100 characters", () => {
    fc.assert(
      fc.property(customId, (id) => {
        const encoded = encodeCustomId(id);
        expect(encoded.length).toBeLessThanOrEqual(100);
        expect(decodeCustomId(encoded)).toEqual(id);
      }),
    );
  });

  it("reject anything else without throwing", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const decoded = decodeCustomId(raw);
        if (decoded !== undefined) expect(typeof raw).toBe("string");
      }),
    );
    for (const raw of [
      "ask:more:zzzzzzzz:en:1",
      "ask:more:0123abcd:fr:1",
      "ask:more:0123abcd:en:-1",
      "topics:page:en:x:a",
      "topics:page:en:1:../../etc",
    ]) {
      expect(decodeCustomId(raw)).toBeUndefined();
    }
  });
});
