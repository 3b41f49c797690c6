import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from "yaml";
import type { DocumentPath } from "./issues.js";

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * The slow, position-aware view of a YAML text. Built only when something is wrong: parsing with
 * positions costs several times more than the fast path (measured with the `yaml` package on the
 * shipped file and the bench's 10,000-statement files).
 */
/** Copies of anchored values a file may expand to; a real knowledge file needs a handful. */
const MAX_ALIAS_COUNT = 100;

export class PositionedDocument {
  readonly syntaxErrors: readonly { position: Position; message: string }[];
  readonly value: unknown;
  private readonly lines = new LineCounter();
  private readonly document;

  constructor(text: string) {
    this.document = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    const syntaxErrors = this.document.errors.map((error) => ({
      position: this.positionOf(error.pos[0]),
      message: firstLine(error.message),
    }));
    let value: unknown;
    if (syntaxErrors.length === 0) {
      try {
        value = this.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        // yaml refuses aliases that expand without end ("billion laughs"); that is the file's fault.
        if (!(error instanceof ReferenceError)) throw error;
        syntaxErrors.push({
          position: this.firstAliasPosition(),
          message: `aliases expand too far (over ${MAX_ALIAS_COUNT} copies of one anchor); write the values out instead of nesting aliases`,
        });
      }
    }
    this.syntaxErrors = syntaxErrors;
    this.value = value;
  }

  /**
   * Where a path points. A path that ends at a missing key points at the mapping that lacks it;
   * with `atKey`, at the key itself rather than its value (for unknown keys).
   */
  locate(path: DocumentPath, atKey = false): Position {
    let node: unknown = this.document.contents;
    let found: unknown = node;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) break;
        found = last && atKey ? pair.key : (pair.value ?? pair.key);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment];
        if (item === undefined) break;
        found = isPair(item) ? item.key : item;
        node = item;
      } else {
        break;
      }
    }
    const range = (found as Node | null | undefined)?.range;
    return this.positionOf(range ? range[0] : 0);
  }

  private firstAliasPosition(): Position {
    let offset = 0;
    visit(this.document, {
      Alias: (_key, node) => {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return this.positionOf(offset);
  }

  private positionOf(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}
