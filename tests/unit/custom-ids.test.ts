import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { askButtonIds, voteIds } from "../../src/discord/commands/ask-ids.js";
import { componentKinds } from "../../src/discord/commands/index.js";
import { gapIds } from "../../src/discord/commands/knowledge-gap-ids.js";
import { knowledgeUploadIds } from "../../src/discord/commands/knowledge-ids.js";
import { privacyIds } from "../../src/discord/commands/privacy-ids.js";
import { topicsIds } from "../../src/discord/commands/topics-ids.js";
import { customIdParts, type IdCodec } from "../../src/discord/custom-ids.js";
import type { Language } from "../../src/search/language.js";

type AnyId = { kind: string; language: Language };
/** An id with the codec that owns it: encoding and decoding go through that module's codec. */
type Owned = readonly [IdCodec<AnyId>, AnyId];
const codecs = [
  askButtonIds,
  voteIds,
  topicsIds,
  knowledgeUploadIds,
  privacyIds,
  gapIds,
] as unknown as IdCodec<AnyId>[];

const language = fc.constantFrom("de" as const, "en" as const);
const version = fc.stringMatching(/^[0-9a-f]{8}$/);
const positions = fc.array(fc.nat({ max: 99_999 }), { maxLength: 8 });
const ownedBy =
  <Id extends AnyId>(codec: IdCodec<Id>) =>
  (id: Id): Owned => [codec as unknown as IdCodec<AnyId>, id];
const customId: fc.Arbitrary<Owned> = fc.oneof(
  fc
    .record({ kind: fc.constant("ask-more" as const), version, language, statements: positions })
    .map(ownedBy(askButtonIds)),
  fc
    .record({
      kind: fc.constant("ask-language" as const),
      version,
      language,
      statements: positions,
      standing: fc.option(
        fc.record({
          certainty: fc.constantFrom("sure" as const, "likely" as const),
          permille: fc.nat({ max: 1000 }),
          aboutNow: fc.boolean(),
        }),
        { nil: undefined },
      ),
      answer: fc.option(fc.stringMatching(/^\d{17,20}$/), { nil: undefined }),
    })
    .map(ownedBy(askButtonIds)),
  fc
    .record({ kind: fc.constant("ask-near" as const), version, language, statements: positions })
    .map(ownedBy(askButtonIds)),
  fc.record({ kind: fc.constant("topics-home" as const), language }).map(ownedBy(topicsIds)),
  fc.record({ kind: fc.constant("topics-select" as const), language }).map(ownedBy(topicsIds)),
  fc
    .record({
      kind: fc.constant("topics-page" as const),
      language,
      topic: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).filter((topic) => topic.length <= 60),
      page: fc.nat({ max: 9999 }),
    })
    .map(ownedBy(topicsIds)),
  fc
    .record({
      kind: fc.constant("knowledge-confirm" as const),
      language,
      upload: fc.stringMatching(/^[0-9a-f]{16}$/),
    })
    .map(ownedBy(knowledgeUploadIds)),
  fc
    .record({
      kind: fc.constant("vote" as const),
      vote: fc.constantFrom(1 as const, -1 as const),
      language,
      version,
      answer: fc.stringMatching(/^\d{17,20}$/),
      statements: fc.array(fc.nat({ max: 99_999 }), { maxLength: 3 }),
    })
    .map(ownedBy(voteIds)),
  fc
    .record({
      kind: fc.constant("knowledge-cancel" as const),
      language,
      upload: fc.stringMatching(/^[0-9a-f]{16}$/),
    })
    .map(ownedBy(knowledgeUploadIds)),
  fc.record({ kind: fc.constant("gap-pick" as const), language }).map(ownedBy(gapIds)),
  fc
    .record({
      kind: fc.constantFrom(
        "gap-teach" as const,
        "gap-scope" as const,
        "gap-phrase" as const,
        "gap-dismiss" as const,
      ),
      language,
      gap: fc.stringMatching(/^[0-9a-f]{8}$/),
    })
    .map(ownedBy(gapIds)),
  fc
    .record({
      kind: fc.constantFrom("gap-apply" as const, "gap-cancel" as const),
      language,
      pending: fc.stringMatching(/^[0-9a-f]{16}$/),
    })
    .map(ownedBy(gapIds)),
  fc.record({ kind: fc.constant("privacy-delete" as const), language }).map(ownedBy(privacyIds)),
);

/** Decodes as the component dispatcher does: the scope picks the codec. */
function decodeCustomId(raw: unknown): AnyId | undefined {
  const parts = customIdParts(raw);
  const codec = codecs.find((candidate) => candidate.scope === parts?.[0]);
  return parts && codec?.decode(parts);
}

describe("button and menu ids", () => {
  it("still read a language button made before it carried the answer's standing", () => {
    expect(decodeCustomId("ask:lang:0123abcd:de:4.7")).toEqual({
      kind: "ask-language",
      version: "0123abcd",
      language: "de",
      statements: [4, 7],
      standing: undefined,
      answer: undefined,
    });
  });

  it("round-trip and fit Discord's 100 characters", () => {
    fc.assert(
      fc.property(customId, ([codec, id]) => {
        const encoded = codec.encode(id);
        expect(encoded.length).toBeLessThanOrEqual(100);
        expect(decodeCustomId(encoded)).toEqual(id);
        expect(componentKinds.get(codec.scope)?.bind(customIdParts(encoded) ?? [])).toBeDefined();
      }),
    );
  });

  it("are each routed to one command module", () => {
    expect([...componentKinds.keys()].sort()).toEqual(codecs.map((codec) => codec.scope).sort());
  });

  it("reject anything else without throwing", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const decoded = decodeCustomId(raw);
        if (decoded !== undefined) expect(typeof raw).toBe("string");
        const parts = customIdParts(raw);
        if (parts) for (const kind of componentKinds.values()) kind.bind(parts);
      }),
    );
    for (const raw of [
      "ask:more:zzzzzzzz:en:1",
      "ask:more:0123abcd:fr:1",
      "ask:more:0123abcd:en:-1",
      "ask:lang:0123abcd:en:1:x50:123",
      "ask:lang:0123abcd:en:1:l1001:123",
      "ask:lang:0123abcd:en:1:l50:12a",
      "ask:more:0123abcd:en:1:l50:123",
      "topics:page:en:x:a",
      "topics:page:en:1:../../etc",
      "gap:teach:en:../../x",
      "gap:apply:en:0123",
      "gap:pick:en:extra",
    ]) {
      expect(decodeCustomId(raw)).toBeUndefined();
    }
  });
});
