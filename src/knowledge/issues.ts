/** One thing wrong with a knowledge file, placed so a moderator can jump straight to it. */
export interface KnowledgeIssue {
  readonly file: string;
  /** 1-based; 1:1 when the problem is the file as a whole (unreadable, missing). */
  readonly line: number;
  readonly column: number;
  /** Where in the document, e.g. `statements[3].questions`; `file` or `syntax` for whole-file problems. */
  readonly field: string;
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly KnowledgeIssue[] };

/** The one format every error report uses: `file:line:column field — message`. */
export function formatIssue(issue: KnowledgeIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} ${issue.field} — ${issue.message}`;
}

export type DocumentPath = readonly (string | number)[];

export function formatPath(path: DocumentPath): string {
  let out = "";
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  }
  return out === "" ? "(document)" : out;
}
