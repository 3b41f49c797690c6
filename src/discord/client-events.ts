import { type Client, Events } from "discord.js";
import { auditToChannel } from "./audit.js";
import type { BotContext } from "./context.js";
import { fatalCloseMessage } from "./fatal-close.js";
import { FreeTextResponder } from "./free-text.js";
import { reportHomeServer } from "./home-server.js";
import { routeInteraction } from "./interaction-router.js";
import { forgetLeftServer, forgetServersLeftWhileOffline } from "./leaving.js";
import { postsAudit } from "./shard-bridge.js";

/** Stops the bot with a process exit code and, when it stops by itself, the reason in plain words. */
export type StopBot = (code: number, reason?: string) => Promise<void>;

/** Every client event the bot listens to, one small function each. */
export function wireClientEvents(client: Client, context: BotContext, stop: StopBot): void {
  onInteraction(client, context);
  onMessages(client, context);
  onLeavingServer(client, context);
  onReady(client, context);
  onShardDisconnect(client, context, stop);
  onDiagnostics(client, context);
  postAuditsToChannel(client, context);
}

function onInteraction(client: Client, context: BotContext): void {
  client.on(Events.InteractionCreate, (interaction) => void routeInteraction(interaction, context));
}

/** Plain-words questions: new, edited (the answer follows the edit) and deleted (so is the answer). */
function onMessages(client: Client, context: BotContext): void {
  const freeText = new FreeTextResponder(context);
  const safely =
    <A extends unknown[]>(what: string, handler: (...args: A) => Promise<void>) =>
    (...args: A): void => {
      handler(...args).catch((error: unknown) => {
        context.metrics.recordError("message");
        context.logger.error({ err: error }, `${what} failed`);
      });
    };
  client.on(
    Events.MessageCreate,
    safely("answering a message", (message) => freeText.onMessage(message)),
  );
  client.on(
    Events.MessageUpdate,
    safely("answering an edited message", async (_old, message) => {
      const full = message.partial ? await message.fetch() : message;
      await freeText.onEdit(full);
    }),
  );
  client.on(
    Events.MessageDelete,
    safely("removing an answer", (message) => freeText.onDelete(message)),
  );
}

/** Removed from a server (not an outage), now or while offline: what was kept for it goes. */
function onLeavingServer(client: Client, context: BotContext): void {
  client.on(Events.GuildDelete, (guild) => forgetLeftServer(guild, context));
  client.once(Events.ClientReady, (ready) => forgetServersLeftWhileOffline(ready, context));
}

function onReady(client: Client, context: BotContext): void {
  const { logger, knowledge: service } = context;
  client.once(Events.ClientReady, (ready) => reportHomeServer(ready, context));
  client.on(Events.ClientReady, (ready) =>
    logger.info(
      {
        user: ready.user.tag,
        guilds: ready.guilds.cache.size,
        knowledge: service.servedVersion,
      },
      "connected to Discord",
    ),
  );
}

/**
 * discord.js emits ShardDisconnect only when it gives up on a connection: without stopping, the
 * bot would run on, connected to nothing. So every code stops it, with the fix where one is known.
 */
function onShardDisconnect(client: Client, { logger }: BotContext, stop: StopBot): void {
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const message = fatalCloseMessage(event.code);
    logger.fatal({ code: event.code, shardId }, message);
    void stop(1, message);
  });
}

function onDiagnostics(client: Client, { logger }: BotContext): void {
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord.js error"));
}

/** Knowledge changes to AUDIT_CHANNEL_ID, posted by one shard only. */
function postAuditsToChannel(client: Client, { settings, knowledge, logger }: BotContext): void {
  if (!settings.AUDIT_CHANNEL_ID) return;
  const post = auditToChannel(client, settings.AUDIT_CHANNEL_ID, logger);
  knowledge.onAudit((event) => {
    if (postsAudit(client, event)) post(event);
  });
}
