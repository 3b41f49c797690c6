import { PermissionFlagsBits, PermissionsBitField, type RepliableInteraction } from "discord.js";
import { describe, expect, it } from "vitest";
import type { CommandRules } from "../../src/discord/commands/command.js";
import type { BotContext } from "../../src/discord/context.js";
import { passesRules } from "../../src/discord/interaction-rules.js";
import { messagesFor } from "../../src/i18n/messages.js";
import { silentLogger } from "../../src/logging/logger.js";
import { BotMetrics } from "../../src/ops/metrics.js";
import { RateLimiter } from "../../src/ops/rate-limiter.js";

/** Just what the rules read of an interaction, and a record of what it was told. */
function interaction(options: { manageGuild: boolean; roles?: string[]; locale?: string }) {
  const replies: { content?: string; flags?: unknown }[] = [];
  const fake = {
    inGuild: () => true,
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
  return {
    settings: { MODERATOR_ROLE_IDS: ["300"] },
    cooldowns: new RateLimiter({ userSeconds: 60, channelSeconds: 0 }),
    metrics: new BotMetrics({ defaultMetrics: false }),
    logger: silentLogger(),
  } as unknown as BotContext;
}

const MODERATORS: CommandRules = { cooldown: false, moderatorsOnly: true };
const QUESTIONS: CommandRules = { cooldown: true, moderatorsOnly: false };

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
    expect(await passesRules(open.interaction, { cooldown: false, moderatorsOnly: false }, shared)).toBe(
      true,
    );
    expect(open.replies).toEqual([]);
  });
});
