import type { Result } from "./issues.js";

/**
 * A knowledge file must be UTF-8. Decoding leniently turns a Latin-1 file or one stray byte into
 * U+FFFD, which then passes every check and is served as "Pr�sident"; so the bytes are checked
 * first, and the first bad byte is named by line and column. A byte order mark is kept as it is:
 * both YAML parsers skip it, and the history keeps the file byte for byte.
 */
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

export function decodeKnowledgeBytes(bytes: Uint8Array, file: string): Result<string> {
  // A NUL byte means no text at all (an image, an archive saved under the name): the validator
  // says so in those words, which help more than the position of a bad byte.
  if (bytes.includes(0)) return { ok: true, value: lenient.decode(bytes) };
  try {
    return { ok: true, value: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const { line, column } = positionOfByte(bytes, offset);
    const byte = (bytes[offset] ?? 0).toString(16).padStart(2, "0");
    return {
      ok: false,
      issues: [
        {
          file,
          line,
          column,
          field: "encoding",
          message: `the file is not valid UTF-8: byte 0x${byte} at byte offset ${offset}; save it as UTF-8 (a Latin-1 or Windows-1252 file must be converted)`,
        },
      ],
    };
  }
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    if (lead < 0x80) {
      at++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0) return at;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const [low, high] =
      lead === 0xe0
        ? [0xa0, 0xbf]
        : lead === 0xed
          ? [0x80, 0x9f]
          : lead === 0xf0
            ? [0x90, 0xbf]
            : lead === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    for (let next = 1; next < length; next++) {
      const byte = bytes[at + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      // A sequence cut short is wrong at the byte that should have continued it, or at its lead at the end.
      if (byte === undefined) return at;
      if (byte < min || byte > max) return next === 1 ? at : at + next;
    }
    at += length;
  }
  return bytes.length;
}

/** 1-based line, and column in characters as an editor counts them, of a byte offset. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < offset; at++) {
    if (bytes[at] === 0x0a) {
      line++;
      lineStart = at + 1;
    }
  }
  // Characters before the bad byte on its line: every byte that is not a continuation byte.
  let column = 1;
  for (let at = lineStart; at < offset; at++) if (((bytes[at] as number) & 0xc0) !== 0x80) column++;
  return { line, column };
}
