import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SetupError } from "../config/setup-error.js";
import type { Logger } from "../logging/logger.js";

export interface HealthReport {
  readonly ready: boolean;
  /** What works less than it should while the bot still answers (feedback off, say), and why. */
  readonly degraded?: readonly string[];
  /** Figures for operators (connection state, knowledge version…): never tokens or message content. */
  readonly details: Record<string, unknown>;
}

export interface MetricsBody {
  readonly body: string;
  readonly contentType: string;
}

export interface HealthServerOptions {
  /** Loopback unless asked: the figures are for the operator's own scraper, not the internet. */
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly health: () => Promise<HealthReport>;
  readonly metrics: () => Promise<MetricsBody>;
  readonly logger: Logger;
  /** Longest a health or metrics callback may take before the request is answered with an error. */
  readonly timeoutMs?: number;
}

export interface HealthServer {
  /** The port actually bound (differs from the option when it was 0). */
  readonly port: number;
  readonly host: string;
  /** Stops listening and drops open connections, so shutdown is not held up by a keep-alive scraper. */
  close(): Promise<void>;
}

export const DEFAULT_HEALTH_HOST = "127.0.0.1";
const DEFAULT_TIMEOUT_MS = 5_000;
const ALLOWED_METHODS = "GET, HEAD";

/** Serves GET /healthz (200 ready, 503 not) and GET /metrics; everything else is 404 or 405. */
export function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const host = options.host ?? DEFAULT_HEALTH_HOST;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { logger } = options;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error }, "health server failed to answer a request");
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", "internal error\n");
      else response.destroy();
    });
  });
  // A scraper that opens a connection and sends nothing must not hold a socket for the default
  // five minutes.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = pathOf(request.url);
    if (path !== "/healthz" && path !== "/metrics") {
      send(response, 404, "text/plain; charset=utf-8", "not found\n");
      return;
    }
    // HEAD as well as GET: HTTP requires both of a general-purpose server, and some probes use HEAD.
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", ALLOWED_METHODS);
      send(response, 405, "text/plain; charset=utf-8", "method not allowed\n");
      return;
    }
    if (path === "/healthz") {
      const report = await withTimeout(options.health, timeoutMs).catch((error: unknown) => {
        logger.warn({ err: error }, "health check failed");
        return { ready: false, details: { error: "health check failed" } } as HealthReport;
      });
      send(
        response,
        report.ready ? 200 : 503,
        "application/json; charset=utf-8",
        `${JSON.stringify({ status: statusOf(report), ready: report.ready, ...(report.degraded?.length ? { degraded: report.degraded } : {}), details: report.details })}\n`,
      );
      return;
    }
    const metrics = await withTimeout(options.metrics, timeoutMs);
    send(response, 200, metrics.contentType, metrics.body);
  }

  return new Promise((resolve, reject) => {
    const onStartError = (error: NodeJS.ErrnoException): void =>
      reject(startFailure(error, host, options.port));
    server.once("error", onStartError);
    server.listen(options.port, host, () => {
      server.off("error", onStartError);
      server.on("error", (error) => logger.error({ err: error }, "health server error"));
      const port = (server.address() as AddressInfo).port;
      logger.info({ host, port }, "health and metrics listening");
      resolve({
        port,
        host,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Degraded is still ready (200): the bot answers, and a restart would not mend what is missing. */
function statusOf(report: HealthReport): string {
  if (!report.ready) return "not ready";
  return report.degraded?.length ? "degraded" : "ready";
}

/** A port that cannot be bound is a setting to change: said so, naming it, with the error's code kept. */
function startFailure(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `HEALTH_PORT ${port} on HEALTH_HOST ${host}`;
  const reason =
    error.code === "EADDRINUSE"
      ? `${where} is already in use: choose another port, or stop what listens there`
      : error.code === "EACCES"
        ? `${where} may not be bound by this user: choose a port above 1023`
        : error.code === "EADDRNOTAVAIL"
          ? `${where}: this machine has no such address; set HEALTH_HOST to one of its own (127.0.0.1 by default)`
          : undefined;
  if (!reason) return error;
  return Object.assign(new SetupError(reason), { code: error.code });
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? "/", "http://health.invalid").pathname;
  } catch {
    return "";
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.statusCode = status;
  response.setHeader("Content-Type", contentType);
  response.setHeader("Content-Length", Buffer.byteLength(body));
  // Figures change from one scrape to the next; a cached "ready" would hide an outage.
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.end(body);
}

/** Runs `work` so that a synchronous throw, a rejection and a hang all end as one rejection. */
function withTimeout<T>(work: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([Promise.resolve().then(work), timeout]).finally(() => clearTimeout(timer));
}
