import { describe, expect, it } from "vitest";
import { decodeKnowledgeBytes, firstInvalidByte } from "../../src/knowledge/utf8.js";
import { VALID_KNOWLEDGE } from "../support/broken-knowledge.js";

const utf8 = (text: string) => Buffer.from(text, "utf8");

describe("the UTF-8 check of knowledge files", () => {
  it("accepts UTF-8, with or without a byte order mark, and keeps the mark", () => {
    expect(decodeKnowledgeBytes(utf8(VALID_KNOWLEDGE), "k.yaml")).toEqual({
      ok: true,
      value: VALID_KNOWLEDGE,
    });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(VALID_KNOWLEDGE)]);
    const decoded = decodeKnowledgeBytes(withBom, "k.yaml");
    expect(decoded.ok && decoded.value.startsWith("\ufeff")).toBe(true);
  });

  it("rejects a Latin-1 file, naming the line and column of the first bad byte", () => {
    const latin1 = Buffer.from(VALID_KNOWLEDGE.replace("Mögliche", "Mögliche"), "latin1");
    const result = decodeKnowledgeBytes(latin1, "k.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = VALID_KNOWLEDGE.split("\n");
    const line = lines.findIndex((text) => text.includes("Mögliche")) + 1;
    const column = (lines[line - 1] as string).indexOf("ö") + 1;
    expect(result.issues[0]).toMatchObject({ file: "k.yaml", line, column, field: "encoding" });
    expect(result.issues[0]?.message).toMatch(/not valid UTF-8: byte 0xf6/);
  });

  it("rejects one stray 0xff byte after multi-byte characters, counting columns in characters", () => {
    const text = "title: Kasachstans Präsident ü ";
    const bytes = Buffer.concat([utf8(`a: 1\n${text}`), Buffer.from([0xff]), utf8("\n")]);
    const result = decodeKnowledgeBytes(bytes, "k.yaml");
    expect(result.ok ? undefined : result.issues[0]).toMatchObject({ line: 2, column: text.length + 1 });
  });

  it.each([
    ["an overlong form", [0x61, 0xc0, 0xaf], 1],
    ["a surrogate", [0x61, 0xed, 0xa0, 0x80], 1],
    ["a sequence cut short", [0x61, 0xe2, 0x82], 1],
    ["a lone continuation byte", [0x61, 0x62, 0x80], 2],
    ["a code point past U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
  ])("finds %s", (_kind, bytes, offset) => {
    expect(firstInvalidByte(Uint8Array.from(bytes))).toBe(offset);
    expect(decodeKnowledgeBytes(Uint8Array.from(bytes), "k.yaml").ok).toBe(false);
  });
});
