import { request } from "node:http";
import { createConnection } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordStandIn, startDiscordStandIn } from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { freePort } from "../support/local-http.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** The server's end of the connection, as the client saw it. */
  readonly serverAddress: string | undefined;
  readonly serverPort: number | undefined;
}

function get(url: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent: false }, (response) => {
      const { remoteAddress, remotePort } = response.socket;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          serverAddress: remoteAddress,
          serverPort: remotePort,
        }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** Resolves with the error code of a TCP connection attempt, or "connected". */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve("timeout");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** This machine's own addresses other than loopback: where a server bound to 0.0.0.0 would answer. */
const OTHER_LOCAL_ADDRESSES = Object.values(networkInterfaces())
  .flatMap((addresses) => addresses ?? [])
  .filter((address) => address.family === "IPv4" && !address.internal)
  .map((address) => address.address);

describe("health and metrics over HTTP", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  let port: number;

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    port = await freePort();
    testBot = await startTestBot(standIn, { HEALTH_PORT: String(port) });
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  function expectNoToken(answer: HttpAnswer): void {
    expect(answer.body).not.toContain(standIn.token);
    expect(JSON.stringify(answer.headers)).not.toContain(standIn.token);
  }

  it("answers /healthz with ready and the knowledge version, on 127.0.0.1", async () => {
    const answer = await get(`http://127.0.0.1:${port}/healthz`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    const health = JSON.parse(answer.body) as Json;
    expect(health.ready).toBe(true);
    expect(health.details.knowledgeVersion).toBe(testBot.knowledge.current.document.version);
    expect(health.details.statements).toBe(testBot.knowledge.current.statements.length);
    expect(answer.serverAddress).toBe("127.0.0.1");
    expect(answer.serverPort).toBe(port);
    expectNoToken(answer);
  });

  it.skipIf(OTHER_LOCAL_ADDRESSES.length === 0)(
    "is bound to loopback only: not reachable on this machine's other addresses",
    async () => {
      for (const address of OTHER_LOCAL_ADDRESSES) {
        expect(await tryConnect(address, port), address).toBe("ECONNREFUSED");
      }
    },
  );

  it("serves Prometheus metrics that count an answered /ask and the knowledge size", async () => {
    const sent = standIn.sendSlashCommand({
      name: "ask",
      options: { question: "Who took part in the summit?" },
    });
    const { request: callback } = await standIn.firstResponse(sent.id);
    expect(((callback.body as Json).data as Json).embeds.length).toBeGreaterThan(0);

    const answer = await get(`http://127.0.0.1:${port}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.body).toContain("# TYPE summit_questions_total counter");
    const answered = /^summit_questions_total\{outcome="answered",source="slash"\} (\d+)$/m.exec(answer.body);
    expect(Number(answered?.[1])).toBeGreaterThanOrEqual(1);
    const statements = /^summit_knowledge_statements (\d+)$/m.exec(answer.body);
    expect(Number(statements?.[1])).toBe(testBot.knowledge.current.statements.length);
    expect(answer.serverAddress).toBe("127.0.0.1");
    expectNoToken(answer);
  });
});
