/**
 * The shapes tests pass to and get back from the Discord stand-in, kept apart from the server code so a
 * test author can read the whole vocabulary in one place.
 */

import type {
  APIApplicationCommandInteractionDataOption,
  APIInteraction,
  APIMessage,
  APIUser,
  ApplicationCommandOptionType,
  ComponentType,
} from "discord-api-types/v10";
import type { AttachmentInput, StandInGuild } from "./discord-fixtures.js";

export interface DiscordStandInOptions {
  /** The bot token the stand-in accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). */
  token?: string;
  botUser?: APIUser;
  applicationId?: string;
  /** Guilds the bot is in. Default: one `defaultGuild()`. */
  guilds?: StandInGuild[];
  heartbeatIntervalMs?: number;
  /** Recommended shard count returned by `GET /gateway/bot`. */
  shards?: number;
  /**
   * `session_start_limit.max_concurrency`. @discordjs/ws lets this many shards identify at once and
   * waits 5 s between identifies in the same bucket, so sharded tests want it >= `shards`.
   */
  maxConcurrency?: number;
  /** Reject the token everywhere: REST answers 401 and IDENTIFY is closed with 4004. */
  rejectToken?: boolean;
  /** Intent bits not enabled for this app; an IDENTIFY requesting any of them is closed with 4014. */
  disallowedIntents?: number;
  /** Enforce Discord's documented message/choice/command limits (400 with code 50035). Default true. */
  validatePayloads?: boolean;
  /**
   * Dispatch MESSAGE_CREATE/UPDATE/DELETE for messages the bot creates over REST, as Discord does for
   * sessions with the matching message intent. Default true.
   */
  echoBotMessages?: boolean;
}

export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  /** Monotonic index over the stand-in's lifetime (not reset by `clearRequests`). */
  index: number;
  method: string;
  /** Path below `/api/v10`, without the query string, each segment percent-decoded (`@original`). */
  path: string;
  /** The matched route template, e.g. `POST /channels/:channelId/messages`; null for unknown routes. */
  route: string | null;
  query: Record<string, string>;
  /** Lower-cased request headers without `authorization`; see `auth`. */
  headers: Record<string, string>;
  auth: { present: boolean; matched: boolean };
  /** Parsed JSON body, or the `payload_json` object of a multipart body; null when empty. */
  body: unknown;
  files: RecordedFile[];
  /** `performance.now()` when the request arrived. */
  receivedAt: number;
  status: number;
  responseBody: unknown;
  /** True when the response came from `failNext` rather than the route. */
  injectedFault: boolean;
}

export interface GatewayMessageRecord {
  connectionId: number;
  op: number;
  /** The payload with any `token` replaced by `tokenMatched`. */
  d: unknown;
  receivedAt: number;
}

export interface IdentifyRecord {
  connectionId: number;
  shard: [number, number] | null;
  intents: number;
  properties: unknown;
  compress: boolean;
  largeThreshold: number | null;
  presence: unknown;
  tokenMatched: boolean;
  receivedAt: number;
}

export interface ConnectionRecord {
  id: number;
  url: string;
  query: Record<string, string>;
  openedAt: number;
  closedAt: number | null;
  closeCode: number | null;
}

export interface FaultRule {
  method?: string;
  /** Tested against the decoded path below `/api/v10`, e.g. `/channels/123/messages`. */
  pathPattern: RegExp;
  status: 429 | 500 | 502 | 503;
  times: number;
  /** 429 only; default 0.1 s so retries stay fast. */
  retryAfterSeconds?: number;
}

export interface DispatchTarget {
  /** Only sessions of this shard id. Default: every connected session. */
  shardId?: number;
}

export interface InteractionContextInput {
  user?: APIUser;
  locale?: string;
  guildLocale?: string;
  /** Guild the interaction comes from; `null` means the bot's DM with `user`. Default: first guild. */
  guildId?: string | null;
  /** Default: the guild's first channel, or the DM channel with `user`. */
  channelId?: string;
  /** Overrides the member's computed permissions (guild only). */
  memberPermissions?: string | bigint;
  /** Role ids or role names of the invoking member (guild only). */
  roles?: string[];
  /** Overrides the bot's computed permissions in the channel. */
  appPermissions?: string | bigint;
}

export type SlashOptionValue =
  | string
  | number
  | boolean
  | { type: ApplicationCommandOptionType; value: string | number | boolean }
  | { user: APIUser }
  | { attachment: AttachmentInput }
  | { channelId: string }
  | { roleId: string };

/**
 * Either raw API options (full control, e.g. for subcommand trees) or a name→value record. In a record,
 * strings map to STRING, integers to INTEGER, other numbers to NUMBER, booleans to BOOLEAN; use
 * `{type, value}` to force a type (e.g. a NUMBER option whose value happens to be whole).
 */
export type SlashOptions =
  | Readonly<Record<string, SlashOptionValue>>
  | readonly APIApplicationCommandInteractionDataOption[];

export interface SlashCommandInput extends InteractionContextInput {
  name: string;
  options?: SlashOptions;
  subcommand?: string;
  subcommandGroup?: string;
  /** Default: the id of a registered command with this name, else a stable generated id. */
  commandId?: string;
}

export interface AutocompleteInput extends SlashCommandInput {
  /** Name of the focused option; it must be present in `options`. Default: the last record entry. */
  focused?: string;
}

export interface ComponentInput extends InteractionContextInput {
  customId: string;
  /** The message carrying the component: a stored message id, or a full message. Default: a bot message. */
  message?: string | APIMessage;
}

export interface SelectInput extends ComponentInput {
  values: string[];
  componentType?:
    | ComponentType.StringSelect
    | ComponentType.UserSelect
    | ComponentType.RoleSelect
    | ComponentType.MentionableSelect
    | ComponentType.ChannelSelect;
}

export interface ModalSubmitInput extends InteractionContextInput {
  customId: string;
  /** Text input custom id → submitted value. */
  fields: Readonly<Record<string, string>>;
  message?: string | APIMessage;
}

export interface DispatchedInteraction {
  id: string;
  token: string;
  /** `performance.now()` just before the frame was written to the socket. */
  dispatchedAt: number;
  payload: APIInteraction;
}

export interface InteractionResponseTiming {
  request: RecordedRequest;
  /** Milliseconds between dispatch and the arrival of the first request for the interaction. */
  elapsedMs: number;
}

export interface SendMessageInput {
  content: string;
  /** A guild channel id (its guild is inferred) or a DM channel id. Default: the author's DM channel. */
  channelId?: string;
  /** Guild channel to use when `channelId` is omitted: the guild's first channel. */
  guildId?: string;
  author?: APIUser;
  /** Mentions the bot; `<@botId> ` is prepended to the content unless already present. */
  mentionsBot?: boolean;
  /** Id of a stored message to reply to. */
  replyTo?: string;
  attachments?: AttachmentInput[];
}

export interface DispatchedMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  content: string;
  dispatchedAt: number;
  message: APIMessage;
}

export interface StoredMessage {
  message: APIMessage;
  guildId: string | null;
}
