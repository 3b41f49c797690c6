import { diffDetails, type KnowledgeDiff, summarizeDiff } from "../../knowledge/diff.js";
import { DiscordLimits, truncate } from "./limits.js";

export interface FileAttachment {
  readonly attachment: Buffer;
  readonly name: string;
}

/** A message with what changed: text that fits, and the whole diff attached when it did not. */
export interface MessageWithDiff {
  readonly content: string;
  readonly files: FileAttachment[];
}

/** Longest old or new text shown per field in a message; the attachment has them whole. */
const MAX_FIELD_TEXT = 160;
export const DIFF_FILE_NAME = "knowledge-diff.txt";

/**
 * `heading`, then what changed field by field in a diff code block (old → new, cut to fit the
 * message), and the whole diff as a text file when anything was cut or left out.
 */
export function messageWithDiff(
  heading: string,
  diff: KnowledgeDiff,
  budget: number = DiscordLimits.content,
): MessageWithDiff {
  const full = diffDetails(diff);
  if (full.length === 0) return { content: truncate(heading, budget), files: [] };
  const shown = diffDetails(diff, MAX_FIELD_TEXT).map((line) => line.replaceAll("`", "'"));
  const fence = ["```diff", "```"];
  const room = budget - heading.length - fence.join("\n").length - 3;
  const lines: string[] = [];
  let used = 0;
  for (const [position, line] of shown.entries()) {
    const more = `… ${shown.length - position} more in ${DIFF_FILE_NAME}`;
    const fits = line.length + 1 + (position < shown.length - 1 ? more.length + 1 : 0) <= room - used;
    if (!fits) {
      lines.push(more);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  const complete = lines.length === full.length && lines.every((line, position) => line === full[position]);
  const content =
    room > 0 ? `${heading}\n${fence[0]}\n${lines.join("\n")}\n${fence[1]}` : truncate(heading, budget);
  return {
    content,
    files: complete
      ? []
      : [
          {
            attachment: Buffer.from(
              `${summarizeDiff(diff, Number.POSITIVE_INFINITY)}\n${full.join("\n")}\n`,
              "utf8",
            ),
            name: DIFF_FILE_NAME,
          },
        ],
  };
}
