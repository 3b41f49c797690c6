import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { FeedbackStore } from "../../src/feedback/feedback-store.js";
import { StoredData } from "../../src/feedback/stored-data.js";
import { KnowledgeHistory } from "../../src/knowledge/history.js";
import { ServerSettingsStore } from "../../src/servers/server-settings-store.js";
import {
  ALL_PERMISSIONS,
  type DiscordStandIn,
  type DispatchedInteraction,
  defaultGuild,
  type InteractionContextInput,
  makeUser,
  startDiscordStandIn,
} from "../support/discord-standin.js";
import type { Json } from "../support/json.js";
import { SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from "../support/test-bot.js";

const EXTRA_STATEMENT = `  - id: test-extra-statement
    topic: summit
    de: Ein Zebra namens Quirin besuchte den Gipfel.
    en: A zebra called Quirin visited the summit.
    source: news-report
    quote: false
    questions: [Wer ist Quirin?, Who is Quirin the zebra?]
`;
const hex16 = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 16, maxLength: 16 });

type Origin = InteractionContextInput & { user: ReturnType<typeof makeUser>; guildId: string | null };
type Sent =
  | { kind: "slash" | "autocomplete"; name: string; sub: string | undefined; options: Json }
  | { kind: "button" | "select" | "modal"; id: () => string };

/**
 * Whatever a stranger sends from their own server or a DM, as an admin, with a role named like the
 * operators' moderator role, with a button id copied from the home server: nothing reaches a code
 * path that changes the knowledge, reads the operators' history, or reads or changes another
 * server's (or person's) data.
 */
describe("nothing from outside the home server reaches the operators' code paths", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  let realConfirmId: string;
  let knowledgePath: string;
  let original: string;
  const home = defaultGuild({ name: "Operators" });
  const stranger = defaultGuild({ name: "Stranger" });
  const moderatorRole = stranger.roles[2]?.id ?? "";
  const alice = makeUser({ username: "alice" });
  const bob = makeUser({ username: "bob" });
  const spies: Record<string, MockInstance> = {};

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ guilds: [home, stranger] });
    const folder = await mkdtemp(join(tmpdir(), "summit-property-"));
    knowledgePath = join(folder, "summit.yaml");
    await copyFile(SHIPPED_KNOWLEDGE, knowledgePath);
    original = await readFile(knowledgePath, "utf8");
    testBot = await startTestBot(standIn, {
      KNOWLEDGE_PATH: knowledgePath,
      ADMIN_GUILD_ID: home.id,
      // A stranger can give a role in their server any id they like, but not this one's meaning.
      MODERATOR_ROLE_IDS: moderatorRole,
      MESSAGE_CONTENT_INTENT: "true",
    });
    // A real, pending upload in the home server: its Apply id is what a stranger would copy.
    const changed = original.replace("statements:\n", `statements:\n${EXTRA_STATEMENT}`);
    const upload = standIn.sendSlashCommand({
      name: "knowledge",
      subcommand: "upload",
      options: { file: { attachment: { filename: "summit.yaml", data: changed } } },
      guildId: home.id,
      user: alice,
      memberPermissions: ALL_PERMISSIONS,
    });
    const preview = await standIn.waitForRequest(
      (request) => request.method === "PATCH" && request.path.includes(upload.token),
    );
    const buttons = (preview.body as Json).components[0].components as Json[];
    realConfirmId = buttons.find((button) => button.custom_id.startsWith("knowledge:confirm:"))?.custom_id;
    expect(realConfirmId).toMatch(/^knowledge:confirm:/);
    const { knowledge } = testBot;
    for (const method of ["reload", "upload", "rollback", "validate"] as const)
      spies[`knowledge.${method}`] = vi.spyOn(knowledge, method);
    for (const method of ["list", "find", "read", "save"] as const)
      spies[`history.${method}`] = vi.spyOn(KnowledgeHistory.prototype, method);
    for (const method of ["gaps", "forgetUser"] as const)
      spies[`feedback.${method}`] = vi.spyOn(FeedbackStore.prototype, method);
    for (const method of ["set", "reset", "resolve", "stored"] as const)
      spies[`servers.${method}`] = vi.spyOn(ServerSettingsStore.prototype, method);
    spies["storedData.forgetServer"] = vi.spyOn(StoredData.prototype, "forgetServer");
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    expect(await readFile(knowledgePath, "utf8")).toBe(original);
    await testBot?.bot.stop();
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  const KNOWLEDGE_SUBCOMMANDS: readonly [string, Json][] = [
    ["status", {}],
    ["reload", {}],
    ["upload", { file: { attachment: { filename: "summit.yaml", data: "title: x\n" } } }],
    ["validate", { file: { attachment: { filename: "summit.yaml", data: "title: x\n" } } }],
    ["download", {}],
    ["history", {}],
    ["rollback", {}],
    ["rollback", { version: "0123456789ab" }],
    ["gaps", {}],
    ["forget-user", { user: { user: alice } }],
  ];
  const SETUP_SUBCOMMANDS: readonly [string, Json][] = [
    ["show", {}],
    ["cooldown", { seconds: 5 }],
    ["ask-public", { enabled: true }],
    ["mentions", { enabled: false }],
    ["language", { value: "de" }],
    ["reset", {}],
    ["ask-channel-add", { channel: { channelId: stranger.channels[1]?.id ?? "" } }],
  ];

  const origin = fc.constantFrom<Origin>(
    { guildId: stranger.id, user: bob, memberPermissions: ALL_PERMISSIONS },
    { guildId: stranger.id, user: bob, roles: [moderatorRole] },
    { guildId: stranger.id, user: alice, memberPermissions: ALL_PERMISSIONS },
    { guildId: null, user: bob },
    { guildId: null, user: alice },
  );
  const customId = fc.oneof(
    fc.constant(() => realConfirmId),
    hex16.map((id) => () => `knowledge:confirm:en:${id}`),
    hex16.map((id) => () => `knowledge:cancel:de:${id}`),
    fc.string({ maxLength: 40 }).map((rest) => () => `knowledge:${rest}`.slice(0, 100)),
    fc.constant(() => "privacy:delete:en"),
    fc.string({ minLength: 1, maxLength: 100 }).map((id) => () => id),
  );
  const interaction: fc.Arbitrary<Sent> = fc.oneof<fc.Arbitrary<Sent>[]>(
    fc
      .constantFrom(...KNOWLEDGE_SUBCOMMANDS)
      .map(([sub, options]) => ({ kind: "slash" as const, name: "knowledge", sub, options })),
    fc
      .constantFrom(...SETUP_SUBCOMMANDS)
      .map(([sub, options]) => ({ kind: "slash" as const, name: "setup", sub, options })),
    fc.constant({ kind: "slash" as const, name: "privacy", sub: undefined, options: {} }),
    fc.constant({
      kind: "autocomplete" as const,
      name: "knowledge",
      sub: "rollback",
      options: { version: "a" },
    }),
    customId.map((id) => ({ kind: "button" as const, id })),
    customId.map((id) => ({ kind: "select" as const, id })),
    customId.filter((id) => id().startsWith("knowledge:")).map((id) => ({ kind: "modal" as const, id })),
  );

  it("holds for arbitrary interactions from a stranger's server and from DMs", async () => {
    await fc.assert(
      fc.asyncProperty(origin, interaction, async (from, what) => {
        for (const spy of Object.values(spies)) spy.mockClear();
        let sent: DispatchedInteraction;
        if ("name" in what) {
          const input = {
            name: what.name,
            options: what.options,
            ...(what.sub ? { subcommand: what.sub } : {}),
            ...from,
          };
          sent = what.kind === "slash" ? standIn.sendSlashCommand(input) : standIn.sendAutocomplete(input);
        } else {
          const customId = what.id();
          if (what.kind === "button") sent = standIn.sendButton({ customId, ...from });
          else if (what.kind === "select") sent = standIn.sendSelect({ customId, values: ["x"], ...from });
          else sent = standIn.sendModalSubmit({ customId, fields: { text: "x" }, ...from });
        }
        await standIn.firstResponse(sent.id);
        // Let the handler finish after its first response (a deferred reply edits later).
        await new Promise((resolve) => setTimeout(resolve, 20));

        for (const name of [
          "knowledge.reload",
          "knowledge.upload",
          "knowledge.rollback",
          "knowledge.validate",
          "history.list",
          "history.find",
          "history.read",
          "history.save",
          "feedback.gaps",
          "storedData.forgetServer",
        ])
          expect(spies[name]?.mock.calls, name).toEqual([]);
        // A person may delete their own rows (/privacy), no one else's.
        for (const [userId] of spies["feedback.forgetUser"]?.mock.calls ?? [])
          expect(userId).toBe(from.user.id);
        // A server's settings are read and changed for that server alone (null: a DM's defaults).
        for (const name of ["servers.set", "servers.reset", "servers.resolve", "servers.stored"])
          for (const [guildId] of spies[name]?.mock.calls ?? [])
            expect([from.guildId, null]).toContain(guildId);
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
