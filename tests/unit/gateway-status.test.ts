import { describe, expect, it } from "vitest";
import { GatewayStatus } from "../../src/discord/gateway-status.js";
import { createLogger } from "../../src/logging/logger.js";
import { BotMetrics } from "../../src/ops/metrics.js";
import { CapturedStream } from "../support/capture.js";

function setUp() {
  let now = 0;
  const logs = new CapturedStream();
  const metrics = new BotMetrics({ defaultMetrics: false });
  const status = new GatewayStatus(createLogger("info", logs), metrics, () => now);
  return { status, logs, metrics, advance: (ms: number) => (now += ms) };
}

async function metric(metrics: BotMetrics, name: string): Promise<number | undefined> {
  const match = new RegExp(`^${name} ([\\d.e+-]+)$`, "m").exec(await metrics.render());
  return match ? Number(match[1]) : undefined;
}

describe("gateway status", () => {
  it("is not ready until logged in with every shard connected", () => {
    const { status } = setUp();
    expect(status.health()).toMatchObject({ ready: false, reason: "connecting to the gateway" });
    status.connected(0);
    expect(status.ready).toBe(false);
    status.markLoggedIn();
    status.connected(1);
    expect(status.health()).toEqual({ ready: true, connectedShards: 2, shards: 2 });
  });

  it("names each shard that is down, since when and its close code; counts outages and their length", async () => {
    const { status, logs, metrics, advance } = setUp();
    status.markLoggedIn();
    status.connected(0);
    status.connected(1);
    status.closed(1, 4000);
    status.reconnecting(1);
    status.reconnecting(1);
    advance(12_000);
    expect(status.health()).toEqual({
      ready: false,
      reason: "shard 1 lost its gateway connection 12 s ago, close code 4000; reconnecting",
      connectedShards: 1,
      shards: 2,
    });
    expect(status.isUp(1)).toBe(false);
    expect(await metric(metrics, "summit_gateway_connected_shards")).toBe(1);
    expect(await metric(metrics, "summit_gateway_outages_total")).toBe(1);
    // One "reconnecting" line per outage at info: a long outage must not flood the log.
    expect(logs.text.match(/reconnecting to the gateway/g)).toHaveLength(1);

    status.connected(1);
    expect(status.ready).toBe(true);
    expect(await metric(metrics, "summit_gateway_outage_seconds_total")).toBe(12);
    expect(logs.text).toMatch(/"shardId":1,"outageMs":12000,"msg":"gateway connection resumed"/);
  });

  it("treats a reconnect without a seen close as a lost connection", () => {
    const { status, logs } = setUp();
    status.connected(0);
    status.reconnecting(0);
    expect(status.isUp(0)).toBe(false);
    expect(logs.text).toMatch(/"msg":"gateway connection lost"/);
  });

  it("stays unready after a fatal close, whatever follows", () => {
    const { status } = setUp();
    status.markLoggedIn();
    status.connected(0);
    status.disconnected(0, 4004);
    expect(status.health()).toMatchObject({
      ready: false,
      reason: "shard 0 closed for good (close code 4004)",
    });
  });
});
