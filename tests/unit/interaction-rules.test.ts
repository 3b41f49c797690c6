import { PermissionFlagsBits, PermissionsBitField, type RepliableInteraction } from "discord.js";
import { describe, expect, it } from "vitest";
import { readSettings, type Settings } from "../../src/config/settings.js";
import { type CommandRules, OPEN_TO_ALL } from "../../src/discord/commands/command.js";
import type { BotContext } from "../../src/discord/context.js";
import { passesRules } from "../../src/discord/interaction-rules.js";
import { messagesFor } from "../../src/i18n/messages.js";
import { silentLogger } from "../../src/logging/logger.js";
import { BotMetrics } from "../../src/ops/metrics.js";
import { RateLimiter } from "../../src/ops/rate-limiter.js";
import { environmentDefaults, resolveServerSettings } from "../../src/servers/server-settings.js";

/** Just what the rules read of an interaction, and a record of what it was told. */
const HOME = "900000000000000001";
const ELSEWHERE = "900000000000000002";

function interaction(options: {
  manageGuild: boolean;
  roles?: string[];
  locale?: string;
  guildId?: string | null;
}) {
  const replies: { content?: string; flags?: unknown }[] = [];
  const fake = {
    id: "1",
    guildId: options.guildId === undefined ? HOME : options.guildId,
    inGuild: () => options.guildId !== null,
    isAutocomplete: () => false,
    isRepliable: () => true,
    locale: options.locale ?? "en-US",
    user: { id: "100" },
    channelId: "200",
    memberPermissions: new PermissionsBitField(options.manageGuild ? PermissionFlagsBits.ManageGuild : 0n),
    member: { roles: options.roles ?? [] },
    reply: async (payload: { content?: string; flags?: unknown }) => {
      replies.push(payload);
    },
  };
  return { interaction: fake as unknown as RepliableInteraction, replies };
}

function context(): BotContext {
  const defaults = environmentDefaults({
    ...(readSettings({}) as { settings: Settings }).settings,
    COOLDOWN_USER_SECONDS: 60,
  });
  return {
    settings: { MODERATOR_ROLE_IDS: ["300"], ADMIN_GUILD_ID: HOME },
    servers: { resolve: () => resolveServerSettings({}, defaults) },
    cooldowns: new RateLimiter({ userSeconds: 60, channelSeconds: 0 }),
    metrics: new BotMetrics({ defaultMetrics: false }),
    logger: silentLogger(),
  } as unknown as BotContext;
}

const MODERATORS: CommandRules = { ...OPEN_TO_ALL, moderatorsOnly: true };
const QUESTIONS: CommandRules = { ...OPEN_TO_ALL, cooldown: true };
const OPERATORS: CommandRules = { ...OPEN_TO_ALL, moderatorsOnly: true, homeServerOnly: true };
const ADMINS: CommandRules = { ...OPEN_TO_ALL, serverAdminsOnly: true };

describe("declared rules", () => {
  it("let moderators through, by Manage Server or a moderator role, and refuse others privately", async () => {
    const shared = context();
    expect(await passesRules(interaction({ manageGuild: true }).interaction, MODERATORS, shared)).toBe(true);
    const byRole = interaction({ manageGuild: false, roles: ["300"] });
    expect(await passesRules(byRole.interaction, MODERATORS, shared)).toBe(true);
    const member = interaction({ manageGuild: false, locale: "en-US" });
    expect(await passesRules(member.interaction, MODERATORS, shared, "de")).toBe(false);
    // A button answers in the language its id carries, not the clicker's locale.
    expect(member.replies).toEqual([{ content: messagesFor("de").moderatorsOnly, flags: expect.anything() }]);
  });

  it("apply the question cooldown only where declared", async () => {
    const shared = context();
    const first = interaction({ manageGuild: false });
    expect(await passesRules(first.interaction, QUESTIONS, shared)).toBe(true);
    const second = interaction({ manageGuild: false });
    expect(await passesRules(second.interaction, QUESTIONS, shared)).toBe(false);
    expect(second.replies[0]?.content).toMatch(/try again in \d+ s/);
    const open = interaction({ manageGuild: false });
    expect(await passesRules(open.interaction, OPEN_TO_ALL, shared)).toBe(true);
    expect(open.replies).toEqual([]);
  });

  it("refuse the operators' own outside the home server and in DMs, before asking who the member is", async () => {
    const shared = context();
    expect(await passesRules(interaction({ manageGuild: true }).interaction, OPERATORS, shared)).toBe(true);
    for (const guildId of [ELSEWHERE, null]) {
      const stranger = interaction({ manageGuild: true, roles: ["300"], guildId });
      expect(await passesRules(stranger.interaction, OPERATORS, shared)).toBe(false);
      expect(stranger.replies).toEqual([
        { content: messagesFor("en").notAvailableHere, flags: expect.anything() },
      ]);
    }
    // A moderator role counts only at home, also for commands that are not the operators' own.
    const roleElsewhere = interaction({ manageGuild: false, roles: ["300"], guildId: ELSEWHERE });
    expect(await passesRules(roleElsewhere.interaction, MODERATORS, shared)).toBe(false);
  });

  it("let a server's admins set up their own server, anywhere, and no one else", async () => {
    const shared = context();
    const admin = interaction({ manageGuild: true, guildId: ELSEWHERE });
    expect(await passesRules(admin.interaction, ADMINS, shared)).toBe(true);
    const member = interaction({ manageGuild: false, roles: ["300"] });
    expect(await passesRules(member.interaction, ADMINS, shared)).toBe(false);
    expect(member.replies[0]?.content).toBe(messagesFor("en").manageServerOnly);
    const inDm = interaction({ manageGuild: false, guildId: null });
    expect(await passesRules(inDm.interaction, ADMINS, shared)).toBe(false);
    expect(inDm.replies[0]?.content).toBe(messagesFor("en").serverOnly);
  });

  it("accept the operators' own nowhere when no home server is set", async () => {
    const shared = context();
    const noHome = { ...shared, settings: { ...shared.settings, ADMIN_GUILD_ID: undefined } } as BotContext;
    const moderator = interaction({ manageGuild: true });
    expect(await passesRules(moderator.interaction, OPERATORS, noHome)).toBe(false);
    expect(moderator.replies[0]?.content).toBe(messagesFor("en").notAvailableHere);
  });
});
