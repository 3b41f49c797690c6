/** Request bodies and gateway payloads arrive as untrusted JSON; these narrow them before use. */

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
