/**
 * Plain data builders for the Discord stand-in: ids, users, guilds and the raw gateway/REST objects
 * discord.js expects. Nothing here opens sockets, so unit tests may use these builders on their own.
 */
import { randomBytes } from "node:crypto";
import type {
  APIAttachment,
  APIGuildChannel,
  APIGuildMember,
  APIInteractionGuildMember,
  APIMessage,
  APIOverwrite,
  APIRole,
  APITextChannel,
  APIUser,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GuildFeature,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  MessageFlags,
  RoleFlags,
  UserFlags,
} from "discord-api-types/v10";
import { ChannelType, MessageType, PermissionFlagsBits } from "discord-api-types/v10";

// The flag enums have no zero member, so an empty bit set needs an explicit cast.
const NO_USER_FLAGS = 0 as UserFlags;

const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/**
 * A Discord snowflake for `timestampMs` (default: now). The worker bits are fixed and the increment
 * wraps, so ids generated in one process are unique and sort by creation time like real ones.
 */
export function snowflake(timestampMs: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  const ms = BigInt(Math.floor(timestampMs)) - DISCORD_EPOCH;
  return ((ms << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Discord's sharding formula: `(guild_id >> 22) % num_shards`. */
export function shardIdForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A fresh guild id that Discord's sharding formula places on `shardId` of `shardCount`. */
export function guildIdForShard(shardId: number, shardCount: number): string {
  const count = BigInt(shardCount);
  const sinceEpoch = BigInt(Date.now()) - DISCORD_EPOCH;
  const adjust = (((sinceEpoch - BigInt(shardId)) % count) + count) % count;
  return snowflake(Number(sinceEpoch - adjust + DISCORD_EPOCH));
}

/** Interaction tokens are opaque to bots; this only has to be URL-safe and unguessable-looking. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(36).toString("base64url")}`;
}

// Fixed ids keep failure output readable and let tests hard-code the bot's id in mentions.
const FIXTURE_EPOCH_MS = Date.UTC(2023, 8, 29, 9, 0, 0);
function fixedSnowflake(offset: number): string {
  const ms = BigInt(FIXTURE_EPOCH_MS) - DISCORD_EPOCH;
  return ((ms << 22n) | (1n << 17n) | BigInt(offset)).toString();
}

export const BOT_USER: Readonly<APIUser> = Object.freeze({
  id: fixedSnowflake(1),
  username: "summit-bot",
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
  system: false,
  mfa_enabled: false,
  verified: true,
  flags: NO_USER_FLAGS,
  public_flags: NO_USER_FLAGS,
});

/** Modern applications share their id with their bot user. */
export const APPLICATION_ID: string = BOT_USER.id;

export const TEST_USER: Readonly<APIUser> = Object.freeze({
  id: fixedSnowflake(2),
  username: "test.user",
  discriminator: "0",
  global_name: "Test User",
  avatar: null,
  public_flags: NO_USER_FLAGS,
});

export function makeUser(overrides: Partial<APIUser> = {}): APIUser {
  const id = overrides.id ?? snowflake();
  return {
    id,
    username: `user${id.slice(-6)}`,
    discriminator: "0",
    global_name: null,
    avatar: null,
    public_flags: NO_USER_FLAGS,
    ...overrides,
  };
}

export interface StandInChannel {
  id: string;
  name: string;
  type?: ChannelType.GuildText | ChannelType.GuildAnnouncement;
  topic?: string | null;
  position?: number;
  nsfw?: boolean;
  permissionOverwrites?: APIOverwrite[];
}

export interface StandInRole {
  id: string;
  name: string;
  /** Permission bit set as a decimal string, as Discord sends it. */
  permissions: string;
  position?: number;
  managed?: boolean;
}

export interface StandInGuild {
  id: string;
  name: string;
  preferredLocale: string;
  ownerId: string;
  memberCount: number;
  channels: StandInChannel[];
  /** Must include the @everyone role, whose id equals the guild id. */
  roles: StandInRole[];
  /** Roles the bot's own member holds (its managed integration role). */
  botRoleIds: string[];
  features?: GuildFeature[];
}

const perms = (...bits: bigint[]): string => bits.reduce((acc, bit) => acc | bit, 0n).toString();

export const EVERYONE_PERMISSIONS: string = perms(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseExternalEmojis,
  PermissionFlagsBits.UseApplicationCommands,
  PermissionFlagsBits.CreateInstantInvite,
  PermissionFlagsBits.ChangeNickname,
);

export const BOT_ROLE_PERMISSIONS: string = perms(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseExternalEmojis,
);

export const MODERATOR_PERMISSIONS: string = perms(
  PermissionFlagsBits.ManageMessages,
  PermissionFlagsBits.ManageGuild,
  PermissionFlagsBits.ModerateMembers,
  PermissionFlagsBits.KickMembers,
);

/**
 * One guild with three text channels, @everyone, a managed bot role and a moderator role. Ids are
 * fresh on every call so several default guilds can coexist in one stand-in.
 */
export function defaultGuild(overrides: Partial<StandInGuild> = {}): StandInGuild {
  const id = overrides.id ?? snowflake();
  const botRoleId = snowflake();
  return {
    id,
    name: "Summit Test Guild",
    preferredLocale: "en-US",
    // Not TEST_USER: owners hold every permission, which would hide permission checks in tests.
    ownerId: snowflake(),
    memberCount: 42,
    channels: [
      { id: snowflake(), name: "general", topic: null, position: 0 },
      { id: snowflake(), name: "summit-questions", topic: "Ask the bot about the summit", position: 1 },
      { id: snowflake(), name: "bot-log", topic: null, position: 2 },
    ],
    roles: [
      { id, name: "@everyone", permissions: EVERYONE_PERMISSIONS, position: 0 },
      { id: botRoleId, name: "Summit Bot", permissions: BOT_ROLE_PERMISSIONS, position: 2, managed: true },
      { id: snowflake(), name: "Moderator", permissions: MODERATOR_PERMISSIONS, position: 1 },
    ],
    botRoleIds: [botRoleId],
    ...overrides,
  };
}

export const ALL_PERMISSIONS: string = Object.values(PermissionFlagsBits)
  .reduce((acc, bit) => acc | bit, 0n)
  .toString();

/** Union of @everyone and the given roles' permissions, as a decimal string. */
export function permissionsFor(guild: StandInGuild, roleIds: readonly string[]): string {
  let bits = 0n;
  for (const role of guild.roles) {
    if (role.id === guild.id || roleIds.includes(role.id)) bits |= BigInt(role.permissions);
  }
  if ((bits & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  return bits.toString();
}

export function buildRole(role: StandInRole): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position ?? 0,
    permissions: role.permissions,
    managed: role.managed ?? false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(role.managed ? { tags: { bot_id: BOT_USER.id } } : {}),
  };
}

export function buildGuildChannel(guild: StandInGuild, channel: StandInChannel): APITextChannel {
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: guild.id,
    name: channel.name,
    position: channel.position ?? 0,
    permission_overwrites: channel.permissionOverwrites ?? [],
    nsfw: channel.nsfw ?? false,
    topic: channel.topic ?? null,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    parent_id: null,
    default_auto_archive_duration: 1440,
    flags: 0 as ChannelFlags,
  };
}

export function buildGuildMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function buildInteractionMember(
  user: APIUser,
  roles: string[],
  permissions: string,
  joinedAt: string,
): APIInteractionGuildMember {
  return { ...buildGuildMember(user, roles, joinedAt), user, permissions };
}

/** The full GUILD_CREATE payload (available guild) with the bot's own member included. */
export function buildGuildCreate(
  guild: StandInGuild,
  botUser: APIUser,
  joinedAt: string,
): GatewayGuildCreateDispatchData {
  const firstChannel = guild.channels[0];
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    region: "",
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    mfa_level: 0,
    application_id: null,
    system_channel_id: firstChannel?.id ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: guild.preferredLocale as GatewayGuildCreateDispatchData["preferred_locale"],
    nsfw_level: 0,
    hub_type: null,
    incidents_data: null,
    features: guild.features ?? [],
    emojis: [],
    stickers: [],
    roles: guild.roles.map(buildRole),
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.memberCount,
    voice_states: [],
    members: [buildGuildMember(botUser, guild.botRoleIds, joinedAt)],
    channels: guild.channels.map((channel) => {
      // Discord omits guild_id on channels nested in GUILD_CREATE; discord.js fills it in.
      const { guild_id: _omitted, ...rest } = buildGuildChannel(guild, channel);
      return rest as APIGuildChannel<ChannelType.GuildText>;
    }) as GatewayGuildCreateDispatchData["channels"],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface AttachmentInput {
  filename: string;
  contentType?: string;
  /** When given, the stand-in serves these bytes at the attachment's `url`. */
  data?: Buffer | string;
  size?: number;
  description?: string;
}

export function buildAttachment(id: string, input: AttachmentInput, url: string): APIAttachment {
  const size = input.size ?? (input.data === undefined ? 1024 : Buffer.byteLength(input.data));
  return {
    id,
    filename: input.filename,
    size,
    url,
    proxy_url: url,
    ...(input.contentType === undefined ? {} : { content_type: input.contentType }),
    ...(input.description === undefined ? {} : { description: input.description }),
  };
}

export interface MessageInit {
  id?: string;
  channelId: string;
  guildId?: string | null;
  author: APIUser;
  content?: string;
  extra?: Partial<APIMessage>;
}

export function buildMessage(init: MessageInit): APIMessage {
  const id = init.id ?? snowflake();
  return {
    id,
    channel_id: init.channelId,
    author: init.author,
    content: init.content ?? "",
    timestamp: new Date(snowflakeTimestamp(id)).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    flags: 0 as MessageFlags,
    components: [],
    ...init.extra,
  };
}
