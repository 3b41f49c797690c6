import { type Client, DiscordjsErrorCodes } from "discord.js";
import type { KnowledgeService } from "../app/knowledge-service.js";
import type { Settings } from "../config/settings.js";
import type { FeedbackStore } from "../feedback/feedback-store.js";
import type { Logger } from "../logging/logger.js";
import { buildBotContext } from "./bot-context.js";
import { createBotClient } from "./client.js";
import { type StopBot, wireClientEvents } from "./client-events.js";
import { startOpsServers } from "./ops-servers.js";
import { guardGatewayPackets } from "./packet-guard.js";
import { attachShardBridge } from "./shard-bridge.js";

export interface RunningBot {
  readonly client: Client;
  readonly feedback: FeedbackStore;
  /** Resolves with the process exit code once the bot has stopped, for whatever reason. */
  readonly stopped: Promise<number>;
  stop(): Promise<void>;
}

const INVALID_TOKEN_MESSAGE =
  "Discord rejected the token (401). Copy a fresh token from the developer portal (Bot → Reset Token) into DISCORD_TOKEN.";

/** Connects to Discord and answers until stopped; the token is used, never logged. */
export async function startBot(
  settings: Settings,
  knowledge: KnowledgeService,
  logger: Logger,
): Promise<RunningBot> {
  const client = createBotClient(settings);
  guardGatewayPackets(client, logger);
  const services = buildBotContext(settings, knowledge, logger);
  const { context } = services;
  const ops = await startOpsServers(client, context);
  let resolveStopped: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await ops.close();
    await client.destroy();
    services.close();
    resolveStopped(code);
  };
  attachShardBridge(client, knowledge, context.metrics, logger);
  wireClientEvents(client, context, stop);
  await login(client, settings.DISCORD_TOKEN, logger, stop);
  return { client, feedback: context.feedback, stopped, stop: () => stop(0) };
}

async function login(
  client: Client,
  token: string | undefined,
  logger: Logger,
  stop: StopBot,
): Promise<void> {
  try {
    await client.login(token);
  } catch (error) {
    const invalidToken = (error as { code?: string }).code === DiscordjsErrorCodes.TokenInvalid;
    logger.fatal(
      { err: invalidToken ? undefined : error },
      invalidToken ? INVALID_TOKEN_MESSAGE : "could not connect to Discord",
    );
    await stop(1);
  }
}
