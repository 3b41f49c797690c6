/**
 * A recorded Discord payload, read by tests with deep property access. The assertions check the
 * shape; typing every payload would only restate discord-api-types.
 */
// biome-ignore lint/suspicious/noExplicitAny: recorded JSON payloads are asserted on, not trusted.
export type Json = Record<string, any>;
