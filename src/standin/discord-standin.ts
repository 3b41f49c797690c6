/**
 * A local stand-in for Discord (REST API + gateway) so end-to-end tests can drive the real discord.js
 * Client on 127.0.0.1 without anything reaching Discord.
 *
 * Behaviour mirrors what discord.js 14 / @discordjs/ws 1.x / @discordjs/rest 2.x rely on:
 * - `GET /gateway/bot` supplies the gateway URL and shard count; the client connects to
 *   `${url}?v=10&encoding=json`. Frames are always sent as uncompressed JSON text: @discordjs/ws parses
 *   text frames directly even when it asked for `compress=zlib-stream` (only done if zlib-sync is
 *   installed), so no inflate state is ever needed.
 * - discord.js only emits `clientReady` after a GUILD_CREATE for every guild listed in READY, so READY
 *   lists this shard's guilds as unavailable and each GUILD_CREATE follows immediately.
 * - A session survives its socket: closing with a resumable code (e.g. 4000) or dropping the TCP
 *   connection makes the client RESUME ~500 ms later, which is answered with RESUMED. Close code 1000
 *   makes it re-IDENTIFY instead, which @discordjs/ws throttles to one per 5 s per concurrency bucket.
 */

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { Duplex } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIEmbed,
  APIInteraction,
  APIMessage,
  APIMessageTopLevelComponent,
  APIUser,
  GatewayReadyDispatchData,
} from "discord-api-types/v10";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationFlags,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
} from "discord-api-types/v10";
import type { RawData } from "ws";
import { WebSocket, WebSocketServer } from "ws";
import type { AttachmentInput, StandInGuild } from "./discord-fixtures.js";
import {
  ALL_PERMISSIONS,
  APPLICATION_ID,
  BOT_USER,
  buildAttachment,
  buildGuildChannel,
  buildGuildCreate,
  buildInteractionMember,
  buildMessage,
  buildRole,
  defaultGuild,
  interactionToken,
  permissionsFor,
  shardIdForGuild,
  snowflake,
  TEST_USER,
} from "./discord-fixtures.js";
import {
  compileRoute,
  HttpFailure,
  parseBody,
  type Route,
  type RouteContext,
  type RouteResult,
  readRequestBody,
  safeDecode,
} from "./http.js";
import { isObject, type JsonObject } from "./json-object.js";
import {
  fieldError,
  invalidFormBody,
  maxLength,
  validateChoices,
  validateCommand,
  validateMessageBody,
} from "./payload-validation.js";
import { describeGateway, describeRequests, Recorder } from "./recorder.js";
import type {
  AutocompleteInput,
  ComponentInput,
  ConnectionRecord,
  DiscordStandInOptions,
  DispatchedInteraction,
  DispatchedMessage,
  DispatchTarget,
  FaultRule,
  GatewayMessageRecord,
  IdentifyRecord,
  InteractionContextInput,
  InteractionResponseTiming,
  ModalSubmitInput,
  RecordedFile,
  RecordedRequest,
  SelectInput,
  SendMessageInput,
  SlashCommandInput,
  SlashOptionValue,
  StoredMessage,
} from "./types.js";

export * from "./discord-fixtures.js";
export type * from "./types.js";

// ---------------------------------------------------------------------------------------------------
// Internals

interface Session {
  id: string;
  shardId: number;
  shardCount: number;
  intents: number;
  seq: number;
  socket: WebSocket | null;
}

interface Connection {
  id: number;
  socket: WebSocket;
  session: Session | null;
  record: ConnectionRecord;
}

interface InteractionState {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string;
  guildId: string | null;
  user: APIUser;
  dispatchedAt: number;
  acknowledged: boolean;
  responseType: InteractionResponseType | null;
  originalMessageId: string | null;
  sourceMessageId: string | null;
}

interface InteractionContext {
  guild: StandInGuild | null;
  channelId: string;
  user: APIUser;
  input: InteractionContextInput;
}

interface DmChannel {
  id: string;
  user: APIUser;
}

const INTENT_GUILD_MESSAGES = GatewayIntentBits.GuildMessages;
const INTENT_DIRECT_MESSAGES = GatewayIntentBits.DirectMessages;
const INTENT_MESSAGE_CONTENT = GatewayIntentBits.MessageContent;
const EPHEMERAL = MessageFlags.Ephemeral;
const LOADING = MessageFlags.Loading;
/** Flags a bot may set when sending; Discord silently drops the rest. */
const SETTABLE_MESSAGE_FLAGS =
  MessageFlags.SuppressEmbeds |
  MessageFlags.Ephemeral |
  MessageFlags.SuppressNotifications |
  MessageFlags.IsComponentsV2;

function toPermissionString(value: string | bigint): string {
  return typeof value === "bigint" ? value.toString() : value;
}

// ---------------------------------------------------------------------------------------------------
// The stand-in

export class DiscordStandIn {
  readonly token: string;
  readonly botUser: APIUser;
  readonly applicationId: string;
  readonly guilds: readonly StandInGuild[];
  readonly heartbeatIntervalMs: number;
  readonly shardCount: number;
  readonly maxConcurrency: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Pass as discord.js `rest.api` (unversioned, like `https://discord.com/api`). */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly port: number;
  /** Gateway connections in arrival order, including closed ones. */
  readonly connections: ConnectionRecord[] = [];
  /** Every IDENTIFY received, token reduced to `tokenMatched`. */
  readonly identifies: IdentifyRecord[] = [];
  /** Errors thrown by the stand-in's own handlers (answered with 500); should stay empty. */
  readonly internalErrors: Error[] = [];
  /** Application commands registered over REST: key `global` or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly messages = new Map<string, StoredMessage>();

  private readonly requestLog = new Recorder<RecordedRequest>(describeRequests);
  private readonly gatewayLog = new Recorder<GatewayMessageRecord>(describeGateway);
  private readonly sessions = new Map<string, Session>();
  private readonly liveConnections = new Set<Connection>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly dmChannels = new Map<string, DmChannel>();
  private readonly knownUsers = new Map<string, APIUser>();
  private readonly servedAttachments = new Map<string, { data: Buffer; contentType: string }>();
  private readonly commandIdsByName = new Map<string, string>();
  private readonly faults: Array<FaultRule & { remaining: number }> = [];
  private readonly routes: Route[];
  private readonly joinedAt = new Date().toISOString();
  private readonly validatePayloads: boolean;
  private readonly echoBotMessages: boolean;
  private readonly disallowedIntents: number;
  private rejectToken: boolean;
  private heartbeatAck = true;
  private responseDelayMs = 0;
  private closeOnIdentifyCode: number | null = null;
  private nextConnectionId = 1;
  private nextRequestIndex = 0;
  private closed = false;
  /** While set, the gateway refuses new connections, as a gateway server that is down. */
  private gatewayStopped = false;
  private readonly closeController = new AbortController();

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    port: number,
    options: DiscordStandInOptions,
  ) {
    this.token = options.token ?? "test-token";
    this.botUser = options.botUser ?? { ...BOT_USER };
    this.applicationId = options.applicationId ?? (options.botUser ? options.botUser.id : APPLICATION_ID);
    this.guilds = options.guilds ?? [defaultGuild()];
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.shardCount = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.rejectToken = options.rejectToken ?? false;
    this.disallowedIntents = options.disallowedIntents ?? 0;
    this.validatePayloads = options.validatePayloads ?? true;
    this.echoBotMessages = options.echoBotMessages ?? true;
    this.port = port;
    this.origin = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.origin}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.knownUsers.set(this.botUser.id, this.botUser);
    this.knownUsers.set(TEST_USER.id, TEST_USER);
    this.routes = this.buildRoutes();
  }

  /** @internal Use `startDiscordStandIn`. */
  static async start(options: DiscordStandInOptions = {}): Promise<DiscordStandIn> {
    const wss = new WebSocketServer({ noServer: true });
    let standIn: DiscordStandIn | null = null;
    const server = createServer((req, res) => {
      if (standIn) void standIn.handleHttp(req, res);
      else res.writeHead(503).end();
    });
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!standIn || standIn.closed || standIn.gatewayStopped) {
        socket.destroy();
        return;
      }
      const owner = standIn;
      wss.handleUpgrade(req, socket, head, (ws) => owner.onConnection(ws, req));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    standIn = new DiscordStandIn(server, wss, port, options);
    return standIn;
  }

  // -------------------------------------------------------------------------------------------------
  // Recording

  /** REST requests in arrival order (including injected faults and unknown routes). */
  get requests(): readonly RecordedRequest[] {
    return this.requestLog.items;
  }

  /** Client→server gateway frames in arrival order, tokens removed. */
  get gatewayMessages(): readonly GatewayMessageRecord[] {
    return this.gatewayLog.items;
  }

  clearRequests(): void {
    this.requestLog.clear();
  }

  /** Resolves with the first matching request, whether already recorded or still to come. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs = 5000,
  ): Promise<RecordedRequest> {
    return this.requestLog.waitFor(predicate, timeoutMs, "waitForRequest");
  }

  waitForGatewayMessage(
    predicate: (message: GatewayMessageRecord) => boolean,
    timeoutMs = 5000,
  ): Promise<GatewayMessageRecord> {
    return this.gatewayLog.waitFor(predicate, timeoutMs, "waitForGatewayMessage");
  }

  // -------------------------------------------------------------------------------------------------
  // Fault injection and behaviour switches

  /** The next `times` requests matching the rule get `status` instead of reaching their route. */
  failNext(rule: FaultRule): void {
    this.faults.push({ ...rule, remaining: rule.times });
  }

  setResponseDelay(ms: number): void {
    this.responseDelayMs = ms;
  }

  setRejectToken(reject: boolean): void {
    this.rejectToken = reject;
  }

  /** With acks off, @discordjs/ws treats the connection as a zombie at its next heartbeat and resumes. */
  setHeartbeatAck(enabled: boolean): void {
    this.heartbeatAck = enabled;
  }

  /** Close the connection that sends the next IDENTIFY with `code` (e.g. 4014 or 4004). */
  closeOnNextIdentify(code: number): void {
    this.closeOnIdentifyCode = code;
  }

  // -------------------------------------------------------------------------------------------------
  // Gateway control

  /**
   * Closes gateway connections with `code`. Resumable codes (4000, 4009, …) make the client RESUME;
   * 1000 makes it re-identify; 4004/4010–4014 are fatal for discord.js.
   */
  closeGateway(code = 4000, target: DispatchTarget = {}, reason = ""): number {
    let count = 0;
    for (const connection of this.targetConnections(target)) {
      this.closeConnection(connection, code, reason);
      count++;
    }
    return count;
  }

  /** Same as `closeGateway` with a mandatory code; reads better for fatal codes in tests. */
  closeWithCode(code: number, target: DispatchTarget = {}): number {
    return this.closeGateway(code, target, `stand-in closed with ${code}`);
  }

  /** Drops TCP connections without a close frame (the client sees 1006 and resumes). */
  dropConnections(target: DispatchTarget = {}): number {
    let count = 0;
    for (const connection of this.targetConnections(target)) {
      connection.socket.terminate();
      count++;
    }
    return count;
  }

  /**
   * Takes the gateway down: live connections are dropped without a close frame and new ones are
   * refused until `startGateway`, while REST keeps answering. Returns the connections dropped.
   */
  stopGateway(): number {
    this.gatewayStopped = true;
    return this.dropConnections();
  }

  /** Brings the gateway back after `stopGateway`: the client's next attempt connects and resumes. */
  startGateway(): void {
    this.gatewayStopped = false;
  }

  /** Sends op 7 RECONNECT; the client reconnects and resumes. */
  sendReconnect(target: DispatchTarget = {}): number {
    return this.sendOp(GatewayOpcodes.Reconnect, null, target);
  }

  /** Sends op 9 INVALID_SESSION; with `resumable` false the client re-identifies. */
  sendInvalidSession(resumable: boolean, target: DispatchTarget = {}): number {
    return this.sendOp(GatewayOpcodes.InvalidSession, resumable, target);
  }

  /** Shards with a live, identified or resumed gateway session. */
  connectedShards(): number[] {
    const shards = new Set<number>();
    for (const connection of this.liveConnections) {
      if (connection.session && connection.socket.readyState === WebSocket.OPEN) {
        shards.add(connection.session.shardId);
      }
    }
    return [...shards].sort((a, b) => a - b);
  }

  /**
   * Sends a dispatch (op 0) with the next sequence number of each targeted session. Returns the number
   * of sessions it reached.
   */
  dispatch(event: string, data: unknown, target: DispatchTarget = {}): number {
    let count = 0;
    for (const session of this.liveSessions()) {
      if (target.shardId !== undefined && session.shardId !== target.shardId) continue;
      this.sendDispatch(session, event, data);
      count++;
    }
    return count;
  }

  /**
   * Takes the bot out of a guild as Discord does, with GUILD_DELETE to the shard that owns it: the
   * guild, its channels and its commands are gone (a later IDENTIFY no longer lists it). With
   * `outage`, the guild only became unavailable (`unavailable: true`) and stays. Returns the
   * number of sessions told.
   */
  removeGuild(guildId: string, options: { outage?: boolean } = {}): number {
    const index = this.guilds.findIndex((guild) => guild.id === guildId);
    if (index < 0) throw new Error(`Unknown guild ${guildId}`);
    const sessions = this.routedSessions(guildId);
    if (!options.outage) {
      (this.guilds as StandInGuild[]).splice(index, 1);
      this.commands.delete(guildId);
    }
    const data = options.outage ? { id: guildId, unavailable: true } : { id: guildId };
    for (const session of sessions) this.sendDispatch(session, GatewayDispatchEvents.GuildDelete, data);
    return sessions.length;
  }

  /** The command names a member of this guild is offered: the global ones and the guild's own. */
  commandsVisibleIn(guildId: string): string[] {
    return [...(this.commands.get("global") ?? []), ...(this.commands.get(guildId) ?? [])]
      .map((command) => command.name)
      .sort();
  }

  // -------------------------------------------------------------------------------------------------
  // Interactions

  sendSlashCommand(input: SlashCommandInput): DispatchedInteraction {
    return this.sendCommandInteraction(InteractionType.ApplicationCommand, input);
  }

  sendAutocomplete(input: AutocompleteInput): DispatchedInteraction {
    return this.sendCommandInteraction(InteractionType.ApplicationCommandAutocomplete, input);
  }

  sendButton(input: ComponentInput): DispatchedInteraction {
    const ctx = this.resolveContext(input);
    const message = this.componentMessage(input.message, ctx, {
      type: ComponentType.Button,
      style: 1,
      custom_id: input.customId,
      label: "Button",
    });
    return this.sendInteraction(InteractionType.MessageComponent, ctx, {
      data: { custom_id: input.customId, component_type: ComponentType.Button },
      message,
    });
  }

  sendSelect(input: SelectInput): DispatchedInteraction {
    const ctx = this.resolveContext(input);
    const componentType = input.componentType ?? ComponentType.StringSelect;
    const message = this.componentMessage(input.message, ctx, {
      type: componentType,
      custom_id: input.customId,
      ...(componentType === ComponentType.StringSelect
        ? { options: input.values.map((value) => ({ label: value, value })) }
        : {}),
    });
    return this.sendInteraction(InteractionType.MessageComponent, ctx, {
      data: { custom_id: input.customId, component_type: componentType, values: input.values },
      message,
    });
  }

  sendModalSubmit(input: ModalSubmitInput): DispatchedInteraction {
    const ctx = this.resolveContext(input);
    let componentId = 1;
    const components = Object.entries(input.fields).map(([customId, value]) => ({
      type: ComponentType.Label,
      id: componentId++,
      component: { type: ComponentType.TextInput, id: componentId++, custom_id: customId, value },
    }));
    const extra: JsonObject = { data: { custom_id: input.customId, components } };
    if (input.message !== undefined) extra.message = this.lookupMessage(input.message, ctx);
    return this.sendInteraction(InteractionType.ModalSubmit, ctx, extra);
  }

  /** The first REST request made for an interaction (callback or webhook) and how long it took. */
  async firstResponse(interactionId: string, timeoutMs = 5000): Promise<InteractionResponseTiming> {
    const state = this.interactions.get(interactionId);
    if (!state)
      throw new Error(`firstResponse: interaction ${interactionId} was not dispatched by this stand-in`);
    const request = await this.waitForRequest((r) => this.requestConcerns(r, state), timeoutMs);
    return { request, elapsedMs: request.receivedAt - state.dispatchedAt };
  }

  /** How the stand-in saw an interaction: acknowledged yet, with which response type, its original message. */
  interactionStatus(interactionId: string): {
    acknowledged: boolean;
    responseType: InteractionResponseType | null;
    originalMessage: APIMessage | null;
  } | null {
    const state = this.interactions.get(interactionId);
    if (!state) return null;
    const original = state.originalMessageId ? this.messages.get(state.originalMessageId) : undefined;
    return {
      acknowledged: state.acknowledged,
      responseType: state.responseType,
      originalMessage: original?.message ?? null,
    };
  }

  /** Every recorded request for an interaction (callback and webhook routes), in order. */
  interactionRequests(interactionId: string): RecordedRequest[] {
    const state = this.interactions.get(interactionId);
    if (!state) return [];
    return this.requests.filter((r) => this.requestConcerns(r, state));
  }

  /**
   * Waits for the first callback for an interaction that reached the route (injected faults are
   * skipped); check `status` to see whether the stand-in accepted it.
   */
  waitForCallback(interactionId: string, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) =>
        r.route === "POST /interactions/:interactionId/:token/callback" &&
        r.path.split("/")[2] === interactionId &&
        !r.injectedFault,
      timeoutMs,
    );
  }

  // -------------------------------------------------------------------------------------------------
  // Messages

  sendMessage(input: SendMessageInput): DispatchedMessage {
    const author = input.author ?? TEST_USER;
    this.knownUsers.set(author.id, author);
    const { channelId, guildId } = this.resolveMessageChannel(input, author);
    const mention = `<@${this.botUser.id}>`;
    const content =
      input.mentionsBot && !input.content.includes(mention) ? `${mention} ${input.content}` : input.content;
    const id = snowflake();
    const extra: Partial<APIMessage> = {
      mentions: input.mentionsBot || content.includes(mention) ? [this.botUser] : [],
      attachments: (input.attachments ?? []).map((attachment) =>
        this.registerAttachment(channelId, attachment),
      ),
    };
    if (input.replyTo !== undefined) {
      const referenced = this.messages.get(input.replyTo);
      extra.type = MessageType.Reply;
      extra.message_reference = {
        type: 0,
        message_id: input.replyTo,
        channel_id: channelId,
        ...(guildId ? { guild_id: guildId } : {}),
      };
      extra.referenced_message = referenced?.message ?? null;
    }
    const message = buildMessage({ id, channelId, author, content, extra });
    this.messages.set(id, { message, guildId });
    const dispatchedAt = performance.now();
    const reached = this.dispatchMessageEvent(GatewayDispatchEvents.MessageCreate, message, guildId);
    if (reached === 0) {
      throw new Error(
        `sendMessage: no connected session receives ${guildId ? "guild" : "direct"} messages (check intents and that the client is logged in)`,
      );
    }
    return { id, channelId, guildId, content, dispatchedAt, message };
  }

  /** Dispatches MESSAGE_UPDATE for a stored message with new content. */
  editMessage(messageId: string, content: string): APIMessage {
    const stored = this.requireMessage(messageId);
    stored.message = { ...stored.message, content, edited_timestamp: new Date().toISOString() };
    this.dispatchMessageEvent(GatewayDispatchEvents.MessageUpdate, stored.message, stored.guildId);
    return stored.message;
  }

  /** Dispatches MESSAGE_DELETE for a stored message and forgets it. */
  deleteMessage(messageId: string): void {
    const stored = this.requireMessage(messageId);
    this.messages.delete(messageId);
    this.dispatchMessageEvent(GatewayDispatchEvents.MessageDelete, stored.message, stored.guildId);
  }

  /** The DM channel between the bot and `user`, created on first use like `POST /users/@me/channels`. */
  dmChannelFor(user: APIUser): string {
    this.knownUsers.set(user.id, user);
    let channel = this.dmChannels.get(user.id);
    if (!channel) {
      channel = { id: snowflake(), user };
      this.dmChannels.set(user.id, channel);
    }
    return channel.id;
  }

  // -------------------------------------------------------------------------------------------------
  // Lifecycle

  /** Terminates every socket and closes the server; resolves once nothing is left running. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closeController.abort();
    this.requestLog.rejectAll("Discord stand-in was closed");
    this.gatewayLog.rejectAll("Discord stand-in was closed");
    for (const connection of this.liveConnections) connection.socket.terminate();
    this.liveConnections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // undici keeps idle keep-alive sockets open; close() would otherwise wait for them to time out.
      this.server.closeAllConnections();
    });
  }

  // =================================================================================================
  // Gateway internals

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? "/", this.origin);
    const record: ConnectionRecord = {
      id: this.nextConnectionId++,
      url: url.pathname + url.search,
      query: Object.fromEntries(url.searchParams),
      openedAt: performance.now(),
      closedAt: null,
      closeCode: null,
    };
    this.connections.push(record);
    const connection: Connection = { id: record.id, socket, session: null, record };
    this.liveConnections.add(connection);

    socket.on("close", (code) => {
      record.closedAt = performance.now();
      record.closeCode ??= code;
      this.liveConnections.delete(connection);
      if (connection.session?.socket === socket) connection.session.socket = null;
    });
    socket.on("error", (error) => this.internalErrors.push(error));
    socket.on("message", (data, isBinary) => this.onGatewayMessage(connection, data, isBinary));

    const version = url.searchParams.get("v");
    if (version !== null && version !== "10") {
      this.closeConnection(connection, 4012, "Invalid API version");
      return;
    }
    const encoding = url.searchParams.get("encoding");
    if (encoding !== null && encoding !== "json") {
      this.closeConnection(connection, 4002, "Error while decoding payload.");
      return;
    }
    this.send(socket, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  private onGatewayMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      if (isBinary) throw new Error("binary frame");
      payload = JSON.parse(data.toString());
    } catch {
      this.closeConnection(connection, 4002, "Error while decoding payload.");
      return;
    }
    if (!isObject(payload) || typeof payload.op !== "number") {
      this.closeConnection(connection, 4002, "Error while decoding payload.");
      return;
    }
    const d = payload.d;
    const receivedAt = performance.now();
    this.gatewayLog.push({ connectionId: connection.id, op: payload.op, d: this.redactToken(d), receivedAt });

    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        if (this.heartbeatAck) this.send(connection.socket, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(connection, isObject(d) ? d : {}, receivedAt);
        return;
      case GatewayOpcodes.Resume:
        this.onResume(connection, isObject(d) ? d : {});
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!connection.session) this.closeConnection(connection, 4003, "Not authenticated.");
        return;
      default:
        this.closeConnection(connection, 4001, "Unknown opcode.");
    }
  }

  private onIdentify(connection: Connection, d: JsonObject, receivedAt: number): void {
    const shardField = Array.isArray(d.shard) ? d.shard : null;
    const shard: [number, number] | null =
      shardField && typeof shardField[0] === "number" && typeof shardField[1] === "number"
        ? [shardField[0], shardField[1]]
        : null;
    const intents = typeof d.intents === "number" ? d.intents : 0;
    const tokenMatched = this.tokenMatches(d.token);
    this.identifies.push({
      connectionId: connection.id,
      shard,
      intents,
      properties: d.properties,
      compress: d.compress === true,
      largeThreshold: typeof d.large_threshold === "number" ? d.large_threshold : null,
      presence: d.presence ?? null,
      tokenMatched,
      receivedAt,
    });

    const socket = connection.socket;
    const [shardId, shardCount] = shard ?? [0, 1];
    const refusal = this.identifyRefusal(connection, d, tokenMatched, shardId, shardCount);
    if (refusal) {
      this.closeConnection(connection, refusal.code, refusal.reason);
      return;
    }

    const session: Session = { id: snowflake(), shardId, shardCount, intents, seq: 0, socket };
    this.sessions.set(session.id, session);
    connection.session = session;

    const guilds = this.guilds.filter((guild) => this.sessionOwnsGuild(session, guild.id));
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: { ...this.botUser, mfa_enabled: false, verified: true },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [shardId, shardCount],
      application: {
        id: this.applicationId,
        flags: this.applicationFlags(),
        flags_new: String(this.applicationFlags()),
      },
    };
    this.sendDispatch(session, GatewayDispatchEvents.Ready, ready);
    for (const guild of guilds) {
      this.sendDispatch(
        session,
        GatewayDispatchEvents.GuildCreate,
        buildGuildCreate(guild, this.botUser, this.joinedAt),
      );
    }
  }

  /** Close code and reason Discord would use to refuse this IDENTIFY, if any. */
  private identifyRefusal(
    connection: Connection,
    d: JsonObject,
    tokenMatched: boolean,
    shardId: number,
    shardCount: number,
  ): { code: number; reason: string } | null {
    if (connection.session) return { code: 4005, reason: "Already authenticated." };
    if (this.closeOnIdentifyCode !== null) {
      const code = this.closeOnIdentifyCode;
      this.closeOnIdentifyCode = null;
      return { code, reason: `stand-in closed with ${code}` };
    }
    if (!tokenMatched || this.rejectToken) return { code: 4004, reason: "Authentication failed." };
    if (shardCount < 1 || shardId < 0 || shardId >= shardCount)
      return { code: 4010, reason: "Invalid shard." };
    if (typeof d.intents !== "number") return { code: 4013, reason: "Invalid intent(s)." };
    if ((d.intents & this.disallowedIntents) !== 0) return { code: 4014, reason: "Disallowed intent(s)." };
    return null;
  }

  private onResume(connection: Connection, d: JsonObject): void {
    const session = typeof d.session_id === "string" ? this.sessions.get(d.session_id) : undefined;
    if (!session || !this.tokenMatches(d.token) || this.rejectToken) {
      this.send(connection.socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.socket && session.socket !== connection.socket)
      session.socket.close(4000, "Session resumed elsewhere");
    session.socket = connection.socket;
    connection.session = session;
    // Events dispatched while disconnected are not buffered, so there is nothing to replay.
    this.sendDispatch(session, GatewayDispatchEvents.Resumed, {});
  }

  private applicationFlags(): number {
    let flags = 0;
    if ((this.disallowedIntents & INTENT_MESSAGE_CONTENT) === 0)
      flags |= ApplicationFlags.GatewayMessageContentLimited;
    if ((this.disallowedIntents & GatewayIntentBits.GuildMembers) === 0)
      flags |= ApplicationFlags.GatewayGuildMembersLimited;
    if ((this.disallowedIntents & GatewayIntentBits.GuildPresences) === 0)
      flags |= ApplicationFlags.GatewayPresenceLimited;
    return flags;
  }

  private sessionOwnsGuild(session: Session, guildId: string): boolean {
    return shardIdForGuild(guildId, session.shardCount) === session.shardId;
  }

  private *liveSessions(): Generator<Session> {
    const seen = new Set<Session>();
    for (const connection of this.liveConnections) {
      const session = connection.session;
      if (!session || seen.has(session) || session.socket !== connection.socket) continue;
      if (connection.socket.readyState !== WebSocket.OPEN) continue;
      seen.add(session);
      yield session;
    }
  }

  /** Sessions that Discord would deliver an event for `guildId` (null: DMs, always shard 0) to. */
  private routedSessions(guildId: string | null): Session[] {
    return [...this.liveSessions()].filter((session) =>
      guildId === null ? session.shardId === 0 : this.sessionOwnsGuild(session, guildId),
    );
  }

  private targetConnections(target: DispatchTarget): Connection[] {
    return [...this.liveConnections].filter(
      (connection) => target.shardId === undefined || connection.session?.shardId === target.shardId,
    );
  }

  private closeConnection(connection: Connection, code: number, reason: string): void {
    // Recorded at once: the client may act on the close before the close handshake completes here.
    connection.record.closeCode ??= code;
    connection.socket.close(code, reason);
  }

  private sendOp(op: GatewayOpcodes, d: unknown, target: DispatchTarget): number {
    const connections = this.targetConnections(target).filter((c) => c.session);
    for (const connection of connections) this.send(connection.socket, { op, d, s: null, t: null });
    return connections.length;
  }

  private sendDispatch(session: Session, event: string, data: unknown): void {
    if (!session.socket) return;
    session.seq += 1;
    this.send(session.socket, { op: GatewayOpcodes.Dispatch, t: event, s: session.seq, d: data });
  }

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }

  private tokenMatches(token: unknown): boolean {
    return typeof token === "string" && token.replace(/^Bot\s+/i, "") === this.token;
  }

  private redactToken(d: unknown): unknown {
    if (!isObject(d) || !("token" in d)) return d;
    const { token, ...rest } = d;
    return { ...rest, tokenMatched: this.tokenMatches(token) };
  }

  /**
   * MESSAGE_* events for user messages follow Discord's rules: the session needs GUILD_MESSAGES or
   * DIRECT_MESSAGES, and without MESSAGE_CONTENT guild messages arrive with empty content unless they
   * mention the bot or were written by it.
   */
  private dispatchMessageEvent(
    event: GatewayDispatchEvents,
    message: APIMessage,
    guildId: string | null,
  ): number {
    const needed = guildId === null ? INTENT_DIRECT_MESSAGES : INTENT_GUILD_MESSAGES;
    let count = 0;
    for (const session of this.routedSessions(guildId)) {
      if ((session.intents & needed) === 0) continue;
      let data: JsonObject;
      if (event === GatewayDispatchEvents.MessageDelete) {
        data = { id: message.id, channel_id: message.channel_id, ...(guildId ? { guild_id: guildId } : {}) };
      } else {
        data = { ...message, channel_type: guildId ? ChannelType.GuildText : ChannelType.DM };
        if (guildId) {
          data.guild_id = guildId;
          data.member = this.gatewayMember(guildId, message.author);
        }
        const mentionsBot = message.mentions.some((user) => user.id === this.botUser.id);
        const ownMessage = message.author.id === this.botUser.id;
        if (guildId && (session.intents & INTENT_MESSAGE_CONTENT) === 0 && !mentionsBot && !ownMessage) {
          Object.assign(data, { content: "", embeds: [], attachments: [], components: [] });
        }
      }
      this.sendDispatch(session, event, data);
      count++;
    }
    return count;
  }

  private gatewayMember(guildId: string, user: APIUser): JsonObject {
    const guild = this.guilds.find((g) => g.id === guildId);
    const roles = user.id === this.botUser.id ? (guild?.botRoleIds ?? []) : [];
    const { user: _user, ...member } = buildInteractionMember(user, roles, "0", this.joinedAt);
    const { permissions: _permissions, ...rest } = member;
    return rest;
  }

  // =================================================================================================
  // Interaction internals

  private resolveContext(input: InteractionContextInput): InteractionContext {
    const user = input.user ?? TEST_USER;
    this.knownUsers.set(user.id, user);
    if (input.guildId === null) {
      return { guild: null, channelId: input.channelId ?? this.dmChannelFor(user), user, input };
    }
    const guild =
      input.guildId === undefined ? this.guilds[0] : this.guilds.find((g) => g.id === input.guildId);
    if (!guild) throw new Error(`Unknown guild ${input.guildId ?? "(no guilds configured)"}`);
    const channelId = input.channelId ?? guild.channels[0]?.id;
    if (channelId === undefined) throw new Error(`Guild ${guild.id} has no channels`);
    return { guild, channelId, user, input };
  }

  private resolveRoleIds(guild: StandInGuild, roles: readonly string[]): string[] {
    return roles.map((role) => guild.roles.find((r) => r.id === role || r.name === role)?.id ?? role);
  }

  private commandIdFor(name: string, guildId: string | null): string {
    const registered = [
      ...(this.commands.get("global") ?? []),
      ...(guildId ? (this.commands.get(guildId) ?? []) : []),
    ];
    const found = registered.find((command) => command.name === name);
    if (found) return found.id;
    let id = this.commandIdsByName.get(name);
    if (!id) {
      id = snowflake();
      this.commandIdsByName.set(name, id);
    }
    return id;
  }

  private buildOptions(
    input: AutocompleteInput,
    ctx: InteractionContext,
    autocomplete: boolean,
  ): { options: APIApplicationCommandInteractionDataOption[]; resolved: JsonObject | null } {
    const resolved: Record<string, JsonObject> = {};
    const addResolved = (kind: string, id: string, value: JsonObject) => {
      resolved[kind] ??= {};
      (resolved[kind] as JsonObject)[id] = value;
    };
    let options: JsonObject[];
    const raw = input.options;
    if (Array.isArray(raw)) {
      options = raw.map((option: APIApplicationCommandInteractionDataOption) => ({ ...option }));
      if (autocomplete && input.focused !== undefined) {
        for (const option of options) if (option.name === input.focused) option.focused = true;
      }
    } else {
      const entries = Object.entries((raw ?? {}) as Record<string, SlashOptionValue>);
      const focusName = autocomplete ? (input.focused ?? entries.at(-1)?.[0]) : undefined;
      options = entries.map(([name, value]) => {
        const option = this.toApiOption(name, value, ctx.guild, ctx.channelId, addResolved);
        if (name === focusName) option.focused = true;
        return option;
      });
    }
    if (input.subcommand !== undefined) {
      options = [{ type: ApplicationCommandOptionType.Subcommand, name: input.subcommand, options }];
    }
    if (input.subcommandGroup !== undefined) {
      options = [
        { type: ApplicationCommandOptionType.SubcommandGroup, name: input.subcommandGroup, options },
      ];
    }
    return {
      options: options as unknown as APIApplicationCommandInteractionDataOption[],
      resolved: Object.keys(resolved).length > 0 ? resolved : null,
    };
  }

  private toApiOption(
    name: string,
    value: SlashOptionValue,
    guild: StandInGuild | null,
    channelId: string,
    addResolved: (kind: string, id: string, value: JsonObject) => void,
  ): JsonObject {
    if (typeof value === "string") return { name, type: ApplicationCommandOptionType.String, value };
    if (typeof value === "boolean") return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (typeof value === "number") {
      const type = Number.isInteger(value)
        ? ApplicationCommandOptionType.Integer
        : ApplicationCommandOptionType.Number;
      return { name, type, value };
    }
    if ("type" in value) return { name, type: value.type, value: value.value };
    if ("user" in value) {
      this.knownUsers.set(value.user.id, value.user);
      addResolved("users", value.user.id, { ...value.user });
      if (guild) {
        const { user: _user, ...member } = buildInteractionMember(
          value.user,
          [],
          permissionsFor(guild, []),
          this.joinedAt,
        );
        addResolved("members", value.user.id, member as unknown as JsonObject);
      }
      return { name, type: ApplicationCommandOptionType.User, value: value.user.id };
    }
    if ("attachment" in value) {
      const attachment = this.registerAttachment(channelId, value.attachment);
      addResolved("attachments", attachment.id, { ...attachment, ephemeral: true });
      return { name, type: ApplicationCommandOptionType.Attachment, value: attachment.id };
    }
    if ("channelId" in value) {
      const channel = guild?.channels.find((c) => c.id === value.channelId);
      addResolved("channels", value.channelId, {
        id: value.channelId,
        type: ChannelType.GuildText,
        name: channel?.name ?? "channel",
        permissions: guild ? permissionsFor(guild, []) : "0",
        ...(guild ? { guild_id: guild.id } : {}),
      });
      return { name, type: ApplicationCommandOptionType.Channel, value: value.channelId };
    }
    const role = guild?.roles.find((r) => r.id === value.roleId || r.name === value.roleId);
    const roleId = role?.id ?? value.roleId;
    addResolved(
      "roles",
      roleId,
      buildRole(role ?? { id: roleId, name: "role", permissions: "0" }) as unknown as JsonObject,
    );
    return { name, type: ApplicationCommandOptionType.Role, value: roleId };
  }

  private sendCommandInteraction(
    type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete,
    input: AutocompleteInput,
  ): DispatchedInteraction {
    const ctx = this.resolveContext(input);
    const autocomplete = type === InteractionType.ApplicationCommandAutocomplete;
    const { options, resolved } = this.buildOptions(input, ctx, autocomplete);
    const guildId = ctx.guild?.id ?? null;
    const data: JsonObject = {
      id: input.commandId ?? this.commandIdFor(input.name, guildId),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      options,
    };
    if (resolved) data.resolved = resolved;
    const registeredInGuild =
      guildId !== null && (this.commands.get(guildId) ?? []).some((c) => c.name === input.name);
    if (registeredInGuild) data.guild_id = guildId;
    return this.sendInteraction(type, ctx, { data });
  }

  private sendInteraction(
    type: InteractionType,
    ctx: InteractionContext,
    extra: JsonObject,
  ): DispatchedInteraction {
    const { guild, channelId, user, input } = ctx;
    const id = snowflake();
    const token = interactionToken();
    const payload: JsonObject = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      channel_id: channelId,
      locale: input.locale ?? "en-US",
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
      ...extra,
    };
    if (guild) {
      const roles = this.resolveRoleIds(guild, input.roles ?? []);
      const memberPermissions =
        input.memberPermissions !== undefined
          ? toPermissionString(input.memberPermissions)
          : user.id === guild.ownerId
            ? ALL_PERMISSIONS
            : permissionsFor(guild, roles);
      payload.guild_id = guild.id;
      payload.guild = {
        id: guild.id,
        locale: input.guildLocale ?? guild.preferredLocale,
        features: guild.features ?? [],
      };
      payload.guild_locale = input.guildLocale ?? guild.preferredLocale;
      payload.member = buildInteractionMember(user, roles, memberPermissions, this.joinedAt);
      payload.channel = buildGuildChannel(guild, this.guildChannel(guild, channelId));
      payload.app_permissions = toPermissionString(
        input.appPermissions ?? permissionsFor(guild, guild.botRoleIds),
      );
      payload.authorizing_integration_owners = { [ApplicationIntegrationType.GuildInstall]: guild.id };
      payload.context = InteractionContextType.Guild;
    } else {
      payload.user = user;
      payload.channel = {
        id: channelId,
        type: ChannelType.DM,
        last_message_id: null,
        flags: 0,
        recipients: [user],
      };
      // What Discord grants a bot in its own DM channel.
      payload.app_permissions = toPermissionString(input.appPermissions ?? "1126317079051840");
      payload.authorizing_integration_owners = { [ApplicationIntegrationType.GuildInstall]: "0" };
      payload.context = InteractionContextType.BotDM;
    }

    const state: InteractionState = {
      id,
      token,
      type,
      channelId,
      guildId: guild?.id ?? null,
      user,
      dispatchedAt: 0,
      acknowledged: false,
      responseType: null,
      originalMessageId: null,
      sourceMessageId: isObject(payload.message) ? String(payload.message.id) : null,
    };
    this.interactions.set(id, state);
    this.interactionsByToken.set(token, state);

    const sessions = this.routedSessions(state.guildId);
    if (sessions.length === 0) {
      throw new Error(
        `No connected gateway session for ${guild ? `guild ${guild.id}` : "DMs (shard 0)"}; is the client logged in?`,
      );
    }
    state.dispatchedAt = performance.now();
    for (const session of sessions)
      this.sendDispatch(session, GatewayDispatchEvents.InteractionCreate, payload);
    return { id, token, dispatchedAt: state.dispatchedAt, payload: payload as unknown as APIInteraction };
  }

  private guildChannel(guild: StandInGuild, channelId: string): StandInGuild["channels"][number] {
    return guild.channels.find((c) => c.id === channelId) ?? { id: channelId, name: "unknown-channel" };
  }

  private componentMessage(
    message: string | APIMessage | undefined,
    ctx: InteractionContext,
    component: JsonObject,
  ): APIMessage {
    if (message !== undefined) return this.lookupMessage(message, ctx);
    const created = buildMessage({
      channelId: ctx.channelId,
      author: this.botUser,
      content: "Message with a component",
      extra: {
        components: [
          { type: ComponentType.ActionRow, components: [component] },
        ] as unknown as APIMessageTopLevelComponent[],
        application_id: this.applicationId,
      },
    });
    this.messages.set(created.id, { message: created, guildId: ctx.guild?.id ?? null });
    return created;
  }

  private lookupMessage(message: string | APIMessage, ctx: InteractionContext): APIMessage {
    if (typeof message !== "string") {
      this.messages.set(message.id, { message, guildId: ctx.guild?.id ?? null });
      return message;
    }
    return this.requireMessage(message).message;
  }

  private requestConcerns(request: RecordedRequest, state: InteractionState): boolean {
    return (
      request.path.startsWith(`/interactions/${state.id}/`) || request.path.split("/")[3] === state.token
    );
  }

  // =================================================================================================
  // Messages internals

  private requireMessage(messageId: string): StoredMessage {
    const stored = this.messages.get(messageId);
    if (!stored) throw new Error(`Message ${messageId} is not known to the stand-in`);
    return stored;
  }

  private resolveMessageChannel(
    input: SendMessageInput,
    author: APIUser,
  ): { channelId: string; guildId: string | null } {
    if (input.channelId !== undefined) {
      const guild = this.guilds.find((g) => g.channels.some((c) => c.id === input.channelId));
      if (guild) return { channelId: input.channelId, guildId: guild.id };
      if (input.guildId !== undefined) return { channelId: input.channelId, guildId: input.guildId };
      // An unknown channel id becomes the author's DM channel so REST replies to it resolve.
      if (!this.channelExists(input.channelId)) {
        this.dmChannels.set(author.id, { id: input.channelId, user: author });
      }
      return { channelId: input.channelId, guildId: null };
    }
    if (input.guildId !== undefined) {
      const channelId = this.guilds.find((g) => g.id === input.guildId)?.channels[0]?.id;
      if (channelId === undefined) throw new Error(`Guild ${input.guildId} is unknown or has no channels`);
      return { channelId, guildId: input.guildId };
    }
    return { channelId: this.dmChannelFor(author), guildId: null };
  }

  private registerAttachment(channelId: string, input: AttachmentInput): ReturnType<typeof buildAttachment> {
    const id = snowflake();
    const path = `/attachments/${channelId}/${id}/${encodeURIComponent(input.filename)}`;
    if (input.data !== undefined) {
      this.servedAttachments.set(path, {
        data: Buffer.from(input.data),
        contentType: input.contentType ?? "application/octet-stream",
      });
    }
    return buildAttachment(id, input, `${this.origin}${path}`);
  }

  private channelExists(channelId: string): { guildId: string | null } | null {
    const guild = this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
    if (guild) return { guildId: guild.id };
    for (const dm of this.dmChannels.values()) if (dm.id === channelId) return { guildId: null };
    return null;
  }

  private channelObject(channelId: string): JsonObject | null {
    const guild = this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
    if (guild) return buildGuildChannel(guild, this.guildChannel(guild, channelId)) as unknown as JsonObject;
    for (const dm of this.dmChannels.values()) {
      if (dm.id === channelId)
        return { id: dm.id, type: ChannelType.DM, last_message_id: null, flags: 0, recipients: [dm.user] };
    }
    return null;
  }

  /** Turns a REST message body (+ uploaded files) into the message Discord would store. */
  private messageFromBody(
    body: JsonObject,
    files: RecordedFile[],
    base: { channelId: string; guildId: string | null; extra?: Partial<APIMessage> },
  ): APIMessage {
    const attachments = this.attachmentsFromBody(body, files, base.channelId, []);
    const flags = (typeof body.flags === "number" ? body.flags : 0) & SETTABLE_MESSAGE_FLAGS;
    return buildMessage({
      channelId: base.channelId,
      author: this.botUser,
      content: typeof body.content === "string" ? body.content : "",
      extra: {
        embeds: Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [],
        components: Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [],
        attachments,
        flags,
        tts: body.tts === true,
        ...(body.nonce === undefined ? {} : { nonce: body.nonce as string }),
        ...base.extra,
      },
    });
  }

  private attachmentsFromBody(
    body: JsonObject,
    files: RecordedFile[],
    channelId: string,
    existing: APIMessage["attachments"],
  ): APIMessage["attachments"] {
    const meta = Array.isArray(body.attachments) ? body.attachments.filter(isObject) : [];
    const kept = existing.filter((attachment) => meta.some((m) => String(m.id) === attachment.id));
    const uploaded = files.map((file, index) => {
      const info = meta.find((m) => String(m.id) === String(index));
      const filename = typeof info?.filename === "string" ? info.filename : file.name;
      return this.registerAttachment(channelId, {
        filename,
        contentType: file.contentType,
        data: file.data,
        ...(typeof info?.description === "string" ? { description: info.description } : {}),
      });
    });
    return [...kept, ...uploaded];
  }

  private storeBotMessage(message: APIMessage, guildId: string | null): void {
    this.messages.set(message.id, { message, guildId });
    const ephemeral = ((message.flags ?? 0) & EPHEMERAL) !== 0;
    if (this.echoBotMessages && !ephemeral)
      this.dispatchMessageEvent(GatewayDispatchEvents.MessageCreate, message, guildId);
  }

  private updateBotMessage(stored: StoredMessage, body: JsonObject, files: RecordedFile[]): APIMessage {
    const next: APIMessage = { ...stored.message, edited_timestamp: new Date().toISOString() };
    if ("content" in body) next.content = typeof body.content === "string" ? body.content : "";
    if ("embeds" in body) next.embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
    if ("components" in body) {
      next.components = Array.isArray(body.components)
        ? (body.components as APIMessageTopLevelComponent[])
        : [];
    }
    if ("attachments" in body || files.length > 0) {
      next.attachments = this.attachmentsFromBody(body, files, next.channel_id, stored.message.attachments);
    }
    const keepFlags = (stored.message.flags ?? 0) & EPHEMERAL;
    const bodyFlags =
      typeof body.flags === "number" ? body.flags & SETTABLE_MESSAGE_FLAGS & ~EPHEMERAL : null;
    next.flags = ((bodyFlags ?? (stored.message.flags ?? 0) & ~LOADING) | keepFlags) as MessageFlags;
    stored.message = next;
    const ephemeral = (next.flags & EPHEMERAL) !== 0;
    if (this.echoBotMessages && !ephemeral)
      this.dispatchMessageEvent(GatewayDispatchEvents.MessageUpdate, next, stored.guildId);
    return next;
  }

  // =================================================================================================
  // REST internals

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", this.origin);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === "authorization" || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const authorization = req.headers.authorization;
    const auth = {
      present: authorization !== undefined,
      matched: authorization !== undefined && authorization === `Bot ${this.token}`,
    };

    if (method === "GET" && url.pathname.startsWith("/attachments/")) {
      const served = this.servedAttachments.get(url.pathname);
      if (served) res.writeHead(200, { "content-type": served.contentType }).end(served.data);
      else res.writeHead(404).end();
      return;
    }

    const apiPrefix = "/api/v10";
    const rawPath = url.pathname.startsWith(`${apiPrefix}/`)
      ? url.pathname.slice(apiPrefix.length)
      : url.pathname;
    // @discordjs/rest percent-encodes segments such as `@original` and emoji; tests read them decoded.
    const path = rawPath.split("/").map(safeDecode).join("/");
    let body: unknown = null;
    let files: RecordedFile[] = [];
    let result: RouteResult;
    let route: Route | null = null;
    let injectedFault = false;
    try {
      const raw = await readRequestBody(req);
      const fault = this.takeFault(method, path);
      if (fault) {
        injectedFault = true;
        result = fault;
        // Still parse so the recorded attempt shows what the client sent.
        ({ body, files } = await parseBody(raw, req.headers["content-type"]).catch(() => ({
          body: null,
          files: [],
        })));
      } else {
        ({ body, files } = await parseBody(raw, req.headers["content-type"]));
        const match = url.pathname.startsWith(`${apiPrefix}/`) ? this.matchRoute(method, path) : null;
        route = match?.route ?? null;
        if (!match) {
          result = { status: 404, body: { message: "Unknown route", code: 0 } };
        } else if (match.route.auth && (!auth.matched || this.rejectToken)) {
          result = { status: 401, body: { message: "401: Unauthorized", code: 0 } };
        } else {
          result = match.route.handler({ params: match.params, query: url.searchParams, body, files });
        }
      }
    } catch (error) {
      if (error instanceof HttpFailure) {
        result = { status: error.status, body: error.body };
      } else {
        const err = error instanceof Error ? error : new Error(String(error));
        this.internalErrors.push(err);
        result = { status: 500, body: { message: `stand-in error: ${err.message}`, code: 0 } };
      }
    }

    this.requestLog.push({
      index: this.nextRequestIndex++,
      method,
      path,
      route: route ? `${route.method} ${route.template}` : null,
      query: Object.fromEntries(url.searchParams),
      headers,
      auth,
      body,
      files,
      receivedAt,
      status: result.status,
      responseBody: result.body ?? null,
      injectedFault,
    });

    if (this.responseDelayMs > 0) {
      try {
        await sleep(this.responseDelayMs, undefined, { signal: this.closeController.signal });
      } catch {
        return;
      }
    }
    if (this.closed || res.destroyed) return;
    const responseHeaders: Record<string, string> = { ...result.headers };
    if (result.body === undefined || result.status === 204) {
      res.writeHead(result.status, responseHeaders).end();
    } else if (typeof result.body === "string") {
      res.writeHead(result.status, { "content-type": "text/html", ...responseHeaders }).end(result.body);
    } else {
      res
        .writeHead(result.status, { "content-type": "application/json", ...responseHeaders })
        .end(JSON.stringify(result.body));
    }
  }

  private takeFault(method: string, path: string): RouteResult | null {
    const fault = this.faults.find(
      (rule) =>
        rule.remaining > 0 &&
        (rule.method === undefined || rule.method.toUpperCase() === method) &&
        rule.pathPattern.test(path),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    if (fault.status === 429) {
      const retryAfter = fault.retryAfterSeconds ?? 0.1;
      return {
        status: 429,
        body: { message: "You are being rate limited.", retry_after: retryAfter, global: false },
        headers: {
          "retry-after": String(retryAfter),
          "x-ratelimit-limit": "5",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(Date.now() / 1000 + retryAfter),
          "x-ratelimit-reset-after": String(retryAfter),
          "x-ratelimit-bucket": "stand-in-bucket",
          "x-ratelimit-scope": "user",
        },
      };
    }
    if (fault.status === 500)
      return { status: 500, body: { message: "500: Internal Server Error", code: 0 } };
    return { status: fault.status, body: `<html><body><h1>${fault.status} Bad Gateway</h1></body></html>` };
  }

  private matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(match.groups ?? {})) params[key] = value;
      return { route, params };
    }
    return null;
  }

  private buildRoutes(): Route[] {
    const routes: Route[] = [];
    const add = (method: string, template: string, auth: boolean, handler: Route["handler"]) => {
      routes.push({ method, template, pattern: compileRoute(template), auth, handler });
    };
    const json = (body: unknown, status = 200): RouteResult => ({ status, body });
    const noContent: RouteResult = { status: 204 };
    const bodyObject = (ctx: RouteContext): JsonObject => (isObject(ctx.body) ? ctx.body : {});

    add("GET", "/gateway", false, () => json({ url: this.gatewayUrl }));
    add("GET", "/gateway/bot", true, () =>
      json({
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: this.maxConcurrency,
        },
      }),
    );
    add("GET", "/users/@me", true, () => json(this.botUser));
    add("GET", "/users/:userId", true, ({ params }) => {
      const user = this.knownUsers.get(params.userId ?? "");
      if (!user) throw new HttpFailure(404, { message: "Unknown User", code: 10013 });
      return json(user);
    });
    add("GET", "/applications/@me", true, () => json(this.applicationObject()));
    add("POST", "/users/@me/channels", true, (ctx) => {
      const recipientId = bodyObject(ctx).recipient_id;
      const user = typeof recipientId === "string" ? this.knownUsers.get(recipientId) : undefined;
      if (!user) throw new HttpFailure(400, { message: "Unknown User", code: 10013 });
      const channelId = this.dmChannelFor(user);
      return json({
        id: channelId,
        type: ChannelType.DM,
        last_message_id: null,
        flags: 0,
        recipients: [user],
      });
    });

    add("GET", "/channels/:channelId", true, ({ params }) => {
      const channel = this.channelObject(params.channelId ?? "");
      if (!channel) throw new HttpFailure(404, { message: "Unknown Channel", code: 10003 });
      return json(channel);
    });
    add("POST", "/channels/:channelId/typing", true, ({ params }) => {
      if (!this.channelExists(params.channelId ?? ""))
        throw new HttpFailure(404, { message: "Unknown Channel", code: 10003 });
      return noContent;
    });
    add("POST", "/channels/:channelId/messages", true, (ctx) => {
      const channelId = ctx.params.channelId ?? "";
      const channel = this.channelExists(channelId);
      if (!channel) throw new HttpFailure(404, { message: "Unknown Channel", code: 10003 });
      const body = bodyObject(ctx);
      if (this.validatePayloads) validateMessageBody(body, "", ctx.files.length > 0, true);
      const extra: Partial<APIMessage> = {};
      if (isObject(body.message_reference)) {
        const reference = body.message_reference;
        const referencedId = typeof reference.message_id === "string" ? reference.message_id : "";
        const referenced = this.messages.get(referencedId);
        if (!referenced && reference.fail_if_not_exists !== false) {
          throw invalidFormBody(
            fieldError("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message"),
          );
        }
        extra.type = MessageType.Reply;
        extra.message_reference = {
          type: 0,
          message_id: referencedId,
          channel_id: typeof reference.channel_id === "string" ? reference.channel_id : channelId,
          ...(channel.guildId ? { guild_id: channel.guildId } : {}),
        };
        extra.referenced_message = referenced?.message ?? null;
      }
      const message = this.messageFromBody(body, ctx.files, { channelId, guildId: channel.guildId, extra });
      this.storeBotMessage(message, channel.guildId);
      return json(message);
    });
    add("GET", "/channels/:channelId/messages/:messageId", true, ({ params }) => {
      const stored = this.messages.get(params.messageId ?? "");
      if (!stored || stored.message.channel_id !== params.channelId) {
        throw new HttpFailure(404, { message: "Unknown Message", code: 10008 });
      }
      return json(stored.message);
    });
    add("PATCH", "/channels/:channelId/messages/:messageId", true, (ctx) => {
      const stored = this.messages.get(ctx.params.messageId ?? "");
      if (!stored || stored.message.channel_id !== ctx.params.channelId) {
        throw new HttpFailure(404, { message: "Unknown Message", code: 10008 });
      }
      if (stored.message.author.id !== this.botUser.id) {
        throw new HttpFailure(403, {
          message: "Cannot edit a message authored by another user",
          code: 50005,
        });
      }
      const body = bodyObject(ctx);
      if (this.validatePayloads) validateMessageBody(body, "", ctx.files.length > 0, false);
      return json(this.updateBotMessage(stored, body, ctx.files));
    });
    add("DELETE", "/channels/:channelId/messages/:messageId", true, ({ params }) => {
      const stored = this.messages.get(params.messageId ?? "");
      if (!stored || stored.message.channel_id !== params.channelId) {
        throw new HttpFailure(404, { message: "Unknown Message", code: 10008 });
      }
      this.messages.delete(stored.message.id);
      if (this.echoBotMessages)
        this.dispatchMessageEvent(GatewayDispatchEvents.MessageDelete, stored.message, stored.guildId);
      return noContent;
    });
    const reaction = ({ params }: RouteContext): RouteResult => {
      if (!this.messages.has(params.messageId ?? ""))
        throw new HttpFailure(404, { message: "Unknown Message", code: 10008 });
      return noContent;
    };
    add("PUT", "/channels/:channelId/messages/:messageId/reactions/:emoji/@me", true, reaction);
    add("DELETE", "/channels/:channelId/messages/:messageId/reactions/:emoji/@me", true, reaction);

    for (const scope of ["", "/guilds/:guildId"]) {
      const base = `/applications/:applicationId${scope}/commands`;
      const key = (params: Record<string, string>) => params.guildId ?? "global";
      const check = (params: Record<string, string>) => {
        if (params.applicationId !== this.applicationId)
          throw new HttpFailure(403, { message: "Missing Access", code: 50001 });
        if (params.guildId !== undefined && !this.guilds.some((g) => g.id === params.guildId)) {
          throw new HttpFailure(403, { message: "Missing Access", code: 50001 });
        }
      };
      add("GET", base, true, ({ params }) => {
        check(params);
        return json(this.commands.get(key(params)) ?? []);
      });
      add("PUT", base, true, ({ params, body }) => {
        check(params);
        if (!Array.isArray(body))
          throw invalidFormBody(fieldError("_root", "LIST_TYPE_CONVERT", "Must be an array."));
        if (this.validatePayloads)
          for (const [i, command] of body.entries()) validateCommand(command, String(i));
        const previous = this.commands.get(key(params)) ?? [];
        const next = body.map((command) =>
          this.storeCommand(command as JsonObject, params.guildId ?? null, previous),
        );
        this.commands.set(key(params), next);
        return json(next);
      });
      add("POST", base, true, ({ params, body }) => {
        check(params);
        if (this.validatePayloads) validateCommand(body, "");
        const previous = this.commands.get(key(params)) ?? [];
        const command = this.storeCommand(body as JsonObject, params.guildId ?? null, previous);
        const existed = previous.some((c) => c.id === command.id);
        this.commands.set(key(params), [...previous.filter((c) => c.id !== command.id), command]);
        return json(command, existed ? 200 : 201);
      });
      add("DELETE", `${base}/:commandId`, true, ({ params }) => {
        check(params);
        const previous = this.commands.get(key(params)) ?? [];
        if (!previous.some((c) => c.id === params.commandId)) {
          throw new HttpFailure(404, { message: "Unknown application command", code: 10063 });
        }
        this.commands.set(
          key(params),
          previous.filter((c) => c.id !== params.commandId),
        );
        return noContent;
      });
    }

    add("POST", "/interactions/:interactionId/:token/callback", false, (ctx) =>
      this.interactionCallback(ctx),
    );
    add("POST", "/webhooks/:applicationId/:token", false, (ctx) => this.followUp(ctx));
    add("GET", "/webhooks/:applicationId/:token/messages/:messageId", false, (ctx) => {
      const { stored } = this.webhookMessage(ctx);
      return json(stored.message);
    });
    add("PATCH", "/webhooks/:applicationId/:token/messages/:messageId", false, (ctx) => {
      const { stored } = this.webhookMessage(ctx);
      const body = bodyObject(ctx);
      if (this.validatePayloads) validateMessageBody(body, "", ctx.files.length > 0, false);
      return json(this.updateBotMessage(stored, body, ctx.files));
    });
    add("DELETE", "/webhooks/:applicationId/:token/messages/:messageId", false, (ctx) => {
      const { state, stored } = this.webhookMessage(ctx);
      this.messages.delete(stored.message.id);
      if (state.originalMessageId === stored.message.id) state.originalMessageId = null;
      const ephemeral = ((stored.message.flags ?? 0) & EPHEMERAL) !== 0;
      if (this.echoBotMessages && !ephemeral) {
        this.dispatchMessageEvent(GatewayDispatchEvents.MessageDelete, stored.message, stored.guildId);
      }
      return noContent;
    });
    return routes;
  }

  private applicationObject(): JsonObject {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: "Answers questions about the 2023 Germany–Central Asia summit",
      summary: "",
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: "0".repeat(64),
      flags: this.applicationFlags(),
      team: null,
      owner: { ...TEST_USER },
      bot: this.botUser,
      install_params: { scopes: ["bot", "applications.commands"], permissions: "0" },
      integration_types_config: { 0: {} },
      approximate_guild_count: this.guilds.length,
      redirect_uris: [],
      interactions_endpoint_url: null,
      tags: [],
    };
  }

  private storeCommand(
    command: JsonObject,
    guildId: string | null,
    previous: readonly APIApplicationCommand[],
  ): APIApplicationCommand {
    const type = typeof command.type === "number" ? command.type : ApplicationCommandType.ChatInput;
    const existing = previous.find((c) => c.name === command.name && c.type === type);
    const stored = {
      ...command,
      id: existing?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type,
      description: typeof command.description === "string" ? command.description : "",
      default_member_permissions: command.default_member_permissions ?? null,
      nsfw: command.nsfw ?? false,
      ...(guildId ? { guild_id: guildId } : {}),
    } as unknown as APIApplicationCommand;
    return stored;
  }

  private interactionFor(interactionId: string | undefined, token: string | undefined): InteractionState {
    const state = interactionId ? this.interactions.get(interactionId) : undefined;
    if (!state || state.token !== token)
      throw new HttpFailure(404, { message: "Unknown interaction", code: 10062 });
    return state;
  }

  private interactionCallback(ctx: RouteContext): RouteResult {
    const state = this.interactionFor(ctx.params.interactionId, ctx.params.token);
    if (state.acknowledged) {
      throw new HttpFailure(400, { message: "Interaction has already been acknowledged.", code: 40060 });
    }
    const body = isObject(ctx.body) ? ctx.body : {};
    const type = body.type;
    const data = isObject(body.data) ? body.data : {};
    let message: APIMessage | null = null;

    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const deferred = type === InteractionResponseType.DeferredChannelMessageWithSource;
        if (this.validatePayloads && !deferred) validateMessageBody(data, "data", ctx.files.length > 0, true);
        message = this.messageFromBody(deferred ? { flags: data.flags } : data, ctx.files, {
          channelId: state.channelId,
          guildId: state.guildId,
          extra: this.interactionMessageExtra(state),
        });
        if (deferred) message.flags = ((message.flags ?? 0) | LOADING) as MessageFlags;
        state.originalMessageId = message.id;
        this.storeBotMessage(message, state.guildId);
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (state.type !== InteractionType.MessageComponent && state.type !== InteractionType.ModalSubmit) {
          throw invalidFormBody(
            fieldError("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type"),
          );
        }
        const stored = state.sourceMessageId ? this.messages.get(state.sourceMessageId) : undefined;
        if (!stored) throw new HttpFailure(404, { message: "Unknown Message", code: 10008 });
        if (type === InteractionResponseType.UpdateMessage) {
          if (this.validatePayloads) validateMessageBody(data, "data", ctx.files.length > 0, false);
          this.updateBotMessage(stored, data, ctx.files);
        }
        state.originalMessageId = stored.message.id;
        message = stored.message;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (state.type !== InteractionType.ApplicationCommandAutocomplete) {
          throw invalidFormBody(
            fieldError("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type"),
          );
        }
        if (this.validatePayloads) validateChoices(data.choices);
        break;
      }
      case InteractionResponseType.Modal: {
        if (this.validatePayloads) {
          if (typeof data.title !== "string" || data.title.length > 45) throw maxLength("data.title", 45);
          if (!Array.isArray(data.components) || data.components.length < 1 || data.components.length > 5) {
            throw invalidFormBody(
              fieldError("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length."),
            );
          }
        }
        break;
      }
      case InteractionResponseType.Pong:
      case InteractionResponseType.PremiumRequired:
      case InteractionResponseType.LaunchActivity:
        break;
      default:
        throw invalidFormBody(
          fieldError("type", "BASE_TYPE_CHOICES", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}."),
        );
    }

    state.acknowledged = true;
    state.responseType = type as InteractionResponseType;
    if (ctx.query.get("with_response") !== "true") return { status: 204 };
    const ephemeral = message ? ((message.flags ?? 0) & EPHEMERAL) !== 0 : false;
    return {
      status: 200,
      body: {
        interaction: {
          id: state.id,
          type: state.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: ((message.flags ?? 0) & LOADING) !== 0,
                response_message_ephemeral: ephemeral,
              }
            : {}),
        },
        ...(message ? { resource: { type, message } } : {}),
      },
    };
  }

  private interactionMessageExtra(state: InteractionState): Partial<APIMessage> {
    const metadata = {
      id: state.id,
      type: state.type,
      user: state.user,
      authorizing_integration_owners: {
        [ApplicationIntegrationType.GuildInstall]: state.guildId ?? "0",
      },
    } as unknown as NonNullable<APIMessage["interaction_metadata"]>;
    return {
      type:
        state.type === InteractionType.ApplicationCommand
          ? MessageType.ChatInputCommand
          : MessageType.Default,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      interaction_metadata: metadata,
    };
  }

  private webhookInteraction(ctx: RouteContext): InteractionState {
    const state = ctx.params.token ? this.interactionsByToken.get(ctx.params.token) : undefined;
    if (!state || ctx.params.applicationId !== this.applicationId) {
      throw new HttpFailure(404, { message: "Unknown Webhook", code: 10015 });
    }
    // Discord only creates the interaction webhook once the interaction has been acknowledged.
    if (!state.acknowledged) throw new HttpFailure(404, { message: "Unknown Webhook", code: 10015 });
    return state;
  }

  private webhookMessage(ctx: RouteContext): { state: InteractionState; stored: StoredMessage } {
    const state = this.webhookInteraction(ctx);
    const messageId =
      ctx.params.messageId === "@original" ? state.originalMessageId : (ctx.params.messageId ?? null);
    const stored = messageId ? this.messages.get(messageId) : undefined;
    if (!stored) throw new HttpFailure(404, { message: "Unknown Message", code: 10008 });
    return { state, stored };
  }

  private followUp(ctx: RouteContext): RouteResult {
    const state = this.webhookInteraction(ctx);
    const body = isObject(ctx.body) ? ctx.body : {};
    if (this.validatePayloads) validateMessageBody(body, "", ctx.files.length > 0, true);
    const extra = this.interactionMessageExtra(state);
    const message = this.messageFromBody(body, ctx.files, {
      channelId: state.channelId,
      guildId: state.guildId,
      extra,
    });
    this.storeBotMessage(message, state.guildId);
    return ctx.query.get("wait") === "false" ? { status: 204 } : { status: 200, body: message };
  }
}

/** Starts a stand-in on 127.0.0.1 with a random port. Always `close()` it. */
export function startDiscordStandIn(options: DiscordStandInOptions = {}): Promise<DiscordStandIn> {
  return DiscordStandIn.start(options);
}
