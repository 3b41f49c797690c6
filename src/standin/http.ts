/** REST plumbing with no stand-in state: route matching, body parsing and the error a handler throws. */

import type { IncomingMessage } from "node:http";
import type { JsonObject } from "./json-object.js";
import type { RecordedFile } from "./types.js";

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  auth: boolean;
  handler: (ctx: RouteContext) => RouteResult;
}

/** Thrown by route handlers and validators; `handleHttp` answers with its status and body. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: JsonObject,
  ) {
    super(String(body.message));
  }
}

export function compileRoute(template: string): RegExp {
  const source = template
    .split("/")
    .map((segment) =>
      segment.startsWith(":")
        ? `(?<${segment.slice(1)}>[^/]+)`
        : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${source}$`);
}

export async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  if (mediaType === "application/json") {
    try {
      return { body: JSON.parse(raw.toString("utf8")) as unknown, files: [] };
    } catch {
      throw new HttpFailure(400, { code: 50109, message: "The request body contains invalid JSON." });
    }
  }
  if (mediaType === "multipart/form-data" && contentType !== undefined) {
    // Node's fetch implementation already parses multipart bodies; no hand-written parser needed.
    const form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": contentType },
    }).formData();
    let body: unknown = null;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value) as unknown;
        continue;
      }
      files.push({
        field,
        name: value.name,
        contentType: value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    return { body, files };
  }
  return { body: raw.toString("utf8"), files: [] };
}

export function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
