import type { Client } from "discord.js";
import type { KnowledgeService } from "../app/knowledge-service.js";
import type { Settings } from "../config/settings.js";
import type { FeedbackService } from "../feedback/feedback-service.js";
import type { Logger } from "../logging/logger.js";
import { settleWithin } from "../ops/deadline.js";
import { buildBotContext } from "./bot-context.js";
import { createBotClient, REST_TIMEOUT_MS } from "./client.js";
import { type StopBot, wireClientEvents } from "./client-events.js";
import { describeConnectFailure } from "./connect-failure.js";
import { GatewayStatus } from "./gateway-status.js";
import { startOpsServers } from "./ops-servers.js";
import { guardGatewayPackets } from "./packet-guard.js";
import { attachShardBridge } from "./shard-bridge.js";

export interface RunningBot {
  readonly client: Client;
  readonly feedback: FeedbackService;
  /** Resolves with the process exit code once the bot has stopped, for whatever reason. */
  readonly stopped: Promise<number>;
  /** Why the bot stopped by itself (a refused token, no connection), for standard error. */
  failure(): string | undefined;
  stop(): Promise<void>;
}

/** Within the shutdown deadline: destroying the client waits on a gateway that may be gone. */
const DESTROY_DEADLINE_MS = 4_000;
/** While logging in takes this long, say so: discord.js retries a silent API for a minute. */
const SLOW_LOGIN_NOTICE_MS = 15_000;

/**
 * Connects to Discord and answers until stopped; the token is used, never logged. Returns while
 * logging in is still under way — it waits on a gateway that may be gone, and a stop asked for
 * meanwhile must not wait for it; `client` emits clientReady once connected.
 */
export async function startBot(
  settings: Settings,
  knowledge: KnowledgeService,
  logger: Logger,
): Promise<RunningBot> {
  const client = createBotClient(settings);
  guardGatewayPackets(client, logger);
  const services = buildBotContext(settings, knowledge, logger);
  const { context } = services;
  const gateway = new GatewayStatus(logger, context.metrics);
  gateway.attach(client);
  const ops = await startOpsServers(client, context, gateway);
  let resolveStopped: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping = false;
  let failure: string | undefined;
  const stop: StopBot = async (code, reason) => {
    if (stopping) return;
    stopping = true;
    failure = reason;
    await ops.close();
    // With the gateway unreachable, destroy() can wait on a reconnect for a minute: the database
    // and the log matter more than a polite goodbye to a server that is not there.
    if ((await settleWithin(client.destroy(), DESTROY_DEADLINE_MS)) === "late")
      logger.warn({ deadlineMs: DESTROY_DEADLINE_MS }, "the Discord client did not close in time");
    services.close();
    logger.flush();
    resolveStopped(code);
  };
  attachShardBridge(client, knowledge, context.metrics, logger, gateway, () => context.feedback.degraded);
  wireClientEvents(client, context, stop);
  void login(client, settings, logger, stop, () => stopping);
  return { client, feedback: context.feedback, stopped, failure: () => failure, stop: () => stop(0) };
}

/** Logs in, saying where; a failure says what was tried, where and what to check, and stops the bot. */
async function login(
  client: Client,
  settings: Settings,
  logger: Logger,
  stop: StopBot,
  stopping: () => boolean,
): Promise<void> {
  const api = settings.DISCORD_API_URL;
  logger.info({ api }, "connecting to Discord");
  const started = Date.now();
  const slowLogin = setInterval(() => {
    logger.warn(
      { api, seconds: Math.round((Date.now() - started) / 1000) },
      "no answer from the Discord API yet; still trying (check the network and DISCORD_API_URL)",
    );
  }, SLOW_LOGIN_NOTICE_MS).unref();
  try {
    await client.login(settings.DISCORD_TOKEN);
  } catch (error) {
    // Destroying the client to stop ends a login under way: that is no failure to report.
    if (stopping()) return;
    const message = describeConnectFailure(error, api, REST_TIMEOUT_MS);
    // The stack is for whoever debugs discord.js, not for an operator fixing a setting.
    logger.fatal({ err: logger.isLevelEnabled("debug") ? error : undefined }, message);
    await stop(1, message);
  } finally {
    clearInterval(slowLogin);
  }
}
