import { YAMLException } from "js-yaml";
import { type ZodType, z } from "zod";
import { type DocumentPath, formatPath, type KnowledgeIssue, type Result } from "./issues.js";
import { PositionedDocument } from "./locate.js";
import { ReusingYamlLoader } from "./reusing-yaml.js";
import { type KnowledgeDocument, knowledgeDocumentSchema } from "./schema.js";

interface PathIssue {
  readonly path: DocumentPath;
  readonly message: string;
  /** Point at the key rather than its value (unknown keys). */
  readonly atKey?: boolean;
}

/** One per thread: the bot's reloads all pass through the same parser thread. */
const yaml = new ReusingYamlLoader();

/**
 * Validates a knowledge file's text. Fast path: js-yaml and the schema. Only when that fails is
 * the text parsed again with positions, so that a large valid file loads quickly and a broken one
 * still gets every error with its line and column.
 */
export function validateKnowledgeText(text: string, file: string): Result<KnowledgeDocument> {
  // YAML is text: a NUL means an image, an archive or a spreadsheet was saved under the name.
  if (text.includes("\0")) {
    const message = "the file is not text (it holds binary data): save the knowledge as YAML text";
    return { ok: false, issues: [{ file, line: 1, column: 1, field: "(document)", message }] };
  }
  let parsed: unknown;
  try {
    parsed = yaml.load(text);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return { ok: false, issues: locateIssues(text, file) };
  }
  const checked = checkDocument(parsed);
  if (checked.ok) return checked;
  return { ok: false, issues: locateIssues(text, file) };
}

function checkDocument(
  value: unknown,
): { ok: true; value: KnowledgeDocument } | { ok: false; issues: PathIssue[] } {
  const shape = documentShapeIssue(value);
  if (shape) return { ok: false, issues: [{ path: [], message: shape }] };
  const parsed = knowledgeDocumentSchema.safeParse(value);
  // Cross-references are checked on the raw value too, so one run reports every error at once.
  const crossIssues = crossReferenceIssues(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) => toPathIssues(issue, value));
    return { ok: false, issues: [...issues, ...crossIssues] };
  }
  return crossIssues.length > 0 ? { ok: false, issues: crossIssues } : { ok: true, value: parsed.data };
}

function locateIssues(text: string, file: string): KnowledgeIssue[] {
  const positioned = new PositionedDocument(text);
  if (positioned.syntaxErrors.length > 0) {
    return positioned.syntaxErrors.map(({ position, message }) => ({
      file,
      ...position,
      field: "syntax",
      message: `YAML syntax error: ${message}`,
    }));
  }
  const checked = checkDocument(positioned.value);
  // js-yaml and yaml disagree only on exotic input; never report "invalid" without a reason.
  const pathIssues = checked.ok
    ? [{ path: [], message: "the file could not be read as YAML" }]
    : checked.issues;
  return pathIssues
    .map((issue) => ({
      file,
      ...positioned.locate(issue.path, issue.atKey ?? false),
      field: formatPath(issue.path),
      message: issue.message,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** An empty file or one that is not a mapping gets one plain sentence, not a type error. */
function documentShapeIssue(value: unknown): string | undefined {
  if (value === null || value === undefined)
    return "the file is empty: a knowledge file starts with title:, version:, date:, summit: …";
  if (typeof value !== "object" || Array.isArray(value))
    return `the file holds ${Array.isArray(value) ? "a list" : "a single value"}, not a knowledge file: it must start with title:, version:, date:, summit: …`;
  return undefined;
}

function toPathIssues(issue: z.core.$ZodIssue, document: unknown): PathIssue[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeysAt(path);
    const hint = allowed ? `; allowed: ${allowed.join(", ")}` : "";
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: `unknown field "${key}"${hint}`,
      atKey: true,
    }));
  }
  // A missing field fails as a wrong type, or, for a field of several allowed types, as no match.
  if ((issue.code === "invalid_type" || issue.code === "invalid_union") && !hasPath(document, path)) {
    return [{ path, message: "is missing" }];
  }
  return [{ path, message: issue.message }];
}

function hasPath(document: unknown, path: DocumentPath): boolean {
  let node: unknown = document;
  for (const segment of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return true;
}

/** The keys an object in the document may have, for "did you mean" style hints. */
function allowedKeysAt(path: DocumentPath): string[] | undefined {
  let schema: ZodType | undefined = knowledgeDocumentSchema;
  for (const segment of path) {
    schema = schema && childSchema(unwrap(schema), segment);
  }
  const target = schema && unwrap(schema);
  return target instanceof z.ZodObject ? Object.keys(target.shape) : undefined;
}

function unwrap(schema: ZodType): ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional)
      current = current.unwrap() as ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as ZodType;
    else return current;
  }
}

function childSchema(schema: ZodType, segment: string | number): ZodType | undefined {
  if (schema instanceof z.ZodObject && typeof segment === "string") return schema.shape[segment] as ZodType;
  if (schema instanceof z.ZodArray && typeof segment === "number") return schema.element as ZodType;
  return undefined;
}

/** Rules that span statements: what the per-field schema cannot see. Tolerates any shape. */
function crossReferenceIssues(document: unknown): PathIssue[] {
  const sources = listOf(document, "sources");
  const topics = listOf(document, "topics");
  const statements = listOf(document, "statements");
  const issues: PathIssue[] = [
    ...duplicateIds(sources, "sources", "source"),
    ...duplicateIds(topics, "topics", "topic"),
    ...duplicateIds(statements, "statements", "statement"),
  ];
  const topicIds = new Set(topics.map((topic) => topic.id).filter(isText));
  const sourceIds = new Set(sources.map((source) => source.id).filter(isText));
  statements.forEach((statement, index) => {
    if (isText(statement.topic) && !topicIds.has(statement.topic)) {
      issues.push({
        path: ["statements", index, "topic"],
        message: `unknown topic "${statement.topic}"; declared topics: ${[...topicIds].join(", ")}`,
      });
    }
    if (isText(statement.source) && !sourceIds.has(statement.source)) {
      issues.push({
        path: ["statements", index, "source"],
        message: `unknown source "${statement.source}"; declared sources: ${[...sourceIds].join(", ")}`,
      });
    }
  });
  const statementTopics = new Map(statements.map((statement) => [statement.id, statement.topic]));
  topics.forEach((topic, index) => {
    if (!isText(topic.overview)) return;
    const topicOfOverview = statementTopics.get(topic.overview);
    if (topicOfOverview === undefined) {
      issues.push({ path: ["topics", index, "overview"], message: `unknown statement "${topic.overview}"` });
    } else if (topicOfOverview !== topic.id) {
      issues.push({
        path: ["topics", index, "overview"],
        message: `statement "${topic.overview}" belongs to topic "${String(topicOfOverview)}", not "${String(topic.id)}"`,
      });
    }
  });
  return issues;
}

type LooseRecord = { readonly [key: string]: unknown };

function listOf(document: unknown, key: string): LooseRecord[] {
  const list = isRecord(document) ? document[key] : undefined;
  return Array.isArray(list) ? list.map((item) => (isRecord(item) ? item : {})) : [];
}

function isRecord(value: unknown): value is LooseRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function duplicateIds(items: readonly LooseRecord[], listName: string, what: string): PathIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: PathIssue[] = [];
  items.forEach((item, index) => {
    if (!isText(item.id)) return;
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) firstIndex.set(item.id, index);
    else
      issues.push({
        path: [listName, index, "id"],
        message: `duplicate ${what} id "${item.id}" (first used at ${listName}[${earlier}])`,
      });
  });
  return issues;
}
