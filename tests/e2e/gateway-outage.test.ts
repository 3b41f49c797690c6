import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { CapturedStream } from "../support/capture.js";
import { type DiscordStandIn, startDiscordStandIn } from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { freePort, getText, until } from "../support/local-http.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

function metric(body: string, name: string): number | undefined {
  const match = new RegExp(`^${name} ([\\d.e+-]+)$`, "m").exec(body);
  return match ? Number(match[1]) : undefined;
}

/** The gateway server goes away and comes back, while REST keeps answering. */
describe("health through a gateway outage", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  let port: number;
  const logs = new CapturedStream();
  const health = async () => {
    const answer = await getText(`http://127.0.0.1:${port}/healthz`);
    return { status: answer.status, body: JSON.parse(answer.body) as Json };
  };
  const healthWhenStatus = (status: number, timeoutMs: number) =>
    until(
      async () => {
        const answer = await health();
        return answer.status === status ? answer : undefined;
      },
      timeoutMs,
      `${status} from /healthz`,
    );

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    port = await freePort();
    testBot = await startTestBot(standIn, { HEALTH_PORT: String(port) }, createLogger("info", logs));
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
  });

  it("turns 503 with the reason within 5 s of losing the gateway, and 200 again after resuming", async () => {
    const before = await health();
    expect(before.status).toBe(200);
    expect(before.body.details.connectedShards).toBe(1);

    const lostAt = performance.now();
    expect(standIn.stopGateway()).toBeGreaterThan(0);
    const down = await healthWhenStatus(503, 5_000);
    expect(performance.now() - lostAt).toBeLessThan(5_000);
    expect(down.body.ready).toBe(false);
    expect(down.body.details.reason).toMatch(
      /shard 0 lost its gateway connection .* ago, close code 1006; reconnecting/,
    );
    // The last heartbeat's round trip says nothing about a connection that is gone.
    expect(down.body.details.ping).toBeNull();
    expect(down.body.details.connectedShards).toBe(0);

    const duringOutage = (await getText(`http://127.0.0.1:${port}/metrics`)).body;
    expect(metric(duringOutage, "summit_gateway_connected_shards")).toBe(0);
    expect(metric(duringOutage, "summit_gateway_outages_total")).toBe(1);
    expect(duringOutage).not.toMatch(/^summit_gateway_ping_seconds\{shard="0"\}/m);
    expect(logs.text).toMatch(/"shardId":0,"code":1006,"msg":"gateway connection lost"/);
    expect(logs.text).toMatch(/"msg":"reconnecting to the gateway"/);

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    standIn.startGateway();
    const up = await healthWhenStatus(200, 20_000);
    expect(up.body.ready).toBe(true);
    expect(up.body.details.reason).toBeUndefined();
    expect(typeof up.body.details.ping).toBe("number");

    const after = (await getText(`http://127.0.0.1:${port}/metrics`)).body;
    expect(metric(after, "summit_gateway_connected_shards")).toBe(1);
    expect(metric(after, "summit_gateway_outage_seconds_total")).toBeGreaterThanOrEqual(1);
    const resumed = /"outageMs":(\d+),"msg":"gateway connection resumed"/.exec(logs.text);
    expect(Number(resumed?.[1])).toBeGreaterThanOrEqual(1_000);

    // And it answers again.
    const sent = standIn.sendSlashCommand({
      name: "ask",
      options: { question: "Who took part in the summit?" },
    });
    const { request } = await standIn.firstResponse(sent.id, 5_000);
    expect(((request.body as Json).data as Json).embeds.length).toBeGreaterThan(0);
  });
});
