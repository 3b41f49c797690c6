import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logging/logger.js";
import { type HealthReport, type HealthServer, startHealthServer } from "../../src/ops/health-server.js";
import { BotMetrics } from "../../src/ops/metrics.js";

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function call(port: number, path: string, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path, method, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

const servers: HealthServer[] = [];

async function start(
  health: () => Promise<HealthReport>,
  metrics = new BotMetrics({ defaultMetrics: false }),
): Promise<HealthServer> {
  const server = await startHealthServer({
    port: 0,
    health,
    metrics: async () => ({ body: await metrics.render(), contentType: metrics.contentType }),
    logger: silentLogger(),
    timeoutMs: 100,
  });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe("health server", () => {
  it("binds loopback by default and says ready with 200", async () => {
    const server = await start(async () => ({
      ready: true,
      details: { gateway: "connected", statements: 87 },
    }));
    expect(server.host).toBe("127.0.0.1");
    expect(server.port).toBeGreaterThan(0);
    const reply = await call(server.port, "/healthz");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^application\/json/);
    expect(reply.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(reply.body)).toEqual({
      status: "ready",
      ready: true,
      details: { gateway: "connected", statements: 87 },
    });
  });

  it("answers 503 when not ready, when the check throws, and when it hangs", async () => {
    let mode: "not ready" | "throws" | "hangs" = "not ready";
    const server = await start(() => {
      if (mode === "throws") throw new Error("secret internals");
      if (mode === "hangs") return new Promise<HealthReport>(() => {});
      return Promise.resolve({ ready: false, details: { gateway: "reconnecting" } });
    });

    let reply = await call(server.port, "/healthz");
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.body)).toMatchObject({ ready: false, details: { gateway: "reconnecting" } });

    mode = "throws";
    reply = await call(server.port, "/healthz?verbose=1");
    expect(reply.status).toBe(503);
    expect(reply.body).not.toContain("secret internals");

    mode = "hangs";
    reply = await call(server.port, "/healthz");
    expect(reply.status).toBe(503);
  });

  it("serves the metrics in Prometheus format", async () => {
    const metrics = new BotMetrics({ defaultMetrics: false });
    metrics.recordQuestion("answered", "slash", 0.001);
    const server = await start(async () => ({ ready: true, details: {} }), metrics);
    const reply = await call(server.port, "/metrics");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe(metrics.contentType);
    expect(reply.body).toContain('summit_questions_total{outcome="answered",source="slash"} 1');
    expect(reply.body).toContain("# TYPE summit_answer_latency_seconds histogram");
  });

  it("answers 404 for other paths and 405 for other methods", async () => {
    const server = await start(async () => ({ ready: true, details: {} }));
    expect((await call(server.port, "/")).status).toBe(404);
    expect((await call(server.port, "/metrics/extra")).status).toBe(404);
    expect((await call(server.port, "/../etc/passwd")).status).toBe(404);
    for (const method of ["POST", "PUT", "DELETE"]) {
      const reply = await call(server.port, "/healthz", method);
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe("GET, HEAD");
    }
    expect((await call(server.port, "/metrics", "POST")).status).toBe(405);
    const head = await call(server.port, "/healthz", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("closes: the port stops answering", async () => {
    const server = await startHealthServer({
      port: 0,
      health: async () => ({ ready: true, details: {} }),
      metrics: async () => ({ body: "", contentType: "text/plain" }),
      logger: silentLogger(),
    });
    expect((await call(server.port, "/healthz")).status).toBe(200);
    await server.close();
    await expect(call(server.port, "/healthz")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("reports a port already taken instead of crashing", async () => {
    const first = await start(async () => ({ ready: true, details: {} }));
    await expect(
      startHealthServer({
        port: first.port,
        health: async () => ({ ready: true, details: {} }),
        metrics: async () => ({ body: "", contentType: "text/plain" }),
        logger: silentLogger(),
      }),
    ).rejects.toMatchObject({
      code: "EADDRINUSE",
      message: expect.stringMatching(/^HEALTH_PORT \d+ on HEALTH_HOST 127\.0\.0\.1 is already in use/),
    });
  });
});
