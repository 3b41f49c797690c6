import { readFile } from "node:fs/promises";
import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_PERMISSIONS,
  type DiscordStandIn,
  type DispatchedInteraction,
  makeUser,
  startDiscordStandIn,
} from "../support/discord-standin.js";
import { startEditableTestBot } from "../support/editable-bot.js";
import type { Json } from "../support/json.js";
import { SHIPPED_KNOWLEDGE, type TestBot } from "../support/test-bot.js";

const MODERATOR = { memberPermissions: ALL_PERMISSIONS, user: makeUser({ username: "moderator.mia" }) };
/** A paraphrase that shares no word with the statement that answers it. */
const PARAPHRASE = "did they promise not to grab land";
const STATEMENT = "un-charter-sovereignty";

describe("moderators teach the bot from /knowledge gaps", () => {
  let standIn: DiscordStandIn;
  let testBot: TestBot;
  let knowledgePath: string;
  let auditChannel: string;
  const asker = makeUser({ username: "asker" });

  beforeAll(async () => {
    standIn = await startDiscordStandIn();
    ({ testBot, knowledgePath, auditChannel } = await startEditableTestBot(standIn));
  });

  afterAll(async () => {
    await testBot?.bot.stop();
    await standIn?.close();
    expect(standIn?.internalErrors).toEqual([]);
  });

  async function firstBody(sent: DispatchedInteraction): Promise<Json> {
    return (await standIn.firstResponse(sent.id)).request.body as Json;
  }

  /** The edit that follows a deferred response. */
  async function editAfter(sent: DispatchedInteraction): Promise<Json> {
    const request = await standIn.waitForRequest(
      (candidate) => candidate.method === "PATCH" && candidate.path.includes(sent.token),
    );
    return request.body as Json;
  }

  async function ask(question: string): Promise<Json> {
    return firstBody(await standIn.sendSlashCommand({ name: "ask", options: { question }, user: asker }));
  }

  /** `/knowledge gaps`, then the gap whose options mention `words`: its actions. */
  async function openGap(words: string): Promise<{ gapId: string; actions: Json }> {
    const gaps = await firstBody(
      await standIn.sendSlashCommand({ name: "knowledge", subcommand: "gaps", options: {}, ...MODERATOR }),
    );
    const picker = gaps.data.components[0].components[0] as Json;
    expect(picker.custom_id).toBe("gap:pick:en");
    const option = (picker.options as Json[]).find((candidate) => String(candidate.label).includes(words));
    expect(option, JSON.stringify(picker.options)).toBeDefined();
    const gapId = option?.value as string;
    const actions = await firstBody(
      await standIn.sendSelect({ customId: picker.custom_id, values: [gapId], ...MODERATOR }),
    );
    return { gapId, actions: actions.data };
  }

  function component(actions: Json, prefix: string): Json {
    const found = (actions.components as Json[])
      .flatMap((row) => row.components as Json[])
      .find((candidate) => String(candidate.custom_id).startsWith(prefix));
    expect(found, `no component ${prefix}`).toBeDefined();
    return found as Json;
  }

  it("declined question → gaps → Teach → confirm: answered with that statement, one line added, history and audit", async () => {
    const declined = await ask(PARAPHRASE);
    expect(declined.data.content).toMatch(/couldn't find/);
    const before = await readFile(knowledgePath, "utf8");

    const { actions } = await openGap("grab land");
    const teachMenu = component(actions, "gap:teach:en:");
    expect((teachMenu.options as Json[]).map((option) => option.value)).toContain(STATEMENT);
    const preview = await firstBody(
      await standIn.sendSelect({ customId: teachMenu.custom_id, values: [STATEMENT], ...MODERATOR }),
    );
    expect(preview.type).toBe(InteractionResponseType.UpdateMessage);
    expect(preview.data.content).toContain(`~ ${STATEMENT} questions: + "${PARAPHRASE}"`);
    expect(await readFile(knowledgePath, "utf8")).toBe(before);

    const apply = await standIn.sendButton({
      customId: component(preview.data, "gap:apply:en:").custom_id,
      ...MODERATOR,
    });
    const applied = await editAfter(apply);
    expect(applied.content).toMatch(/Knowledge updated/);
    expect(applied.content).toContain(`questions: + "${PARAPHRASE}"`);

    const answer = await ask(PARAPHRASE);
    expect(answer.data.embeds[0].footer.text).toContain(STATEMENT);
    const beforeLines = before.split("\n");
    const afterLines = (await readFile(knowledgePath, "utf8")).split("\n");
    const added = afterLines.findIndex((line, position) => line !== beforeLines[position]);
    expect(afterLines.toSpliced(added, 1)).toEqual(beforeLines);
    expect(afterLines[added]?.trim()).toBe(`- ${PARAPHRASE}`);
    expect((await testBot.knowledge.servedLine()).at(-1)).toMatchObject({
      action: "teach",
      actor: expect.stringContaining("moderator.mia"),
    });
    const audit = await standIn.waitForRequest(
      (request) => request.method === "POST" && request.path === `/channels/${auditChannel}/messages`,
    );
    expect((audit.body as Json).content).toMatch(/Knowledge teach by moderator\.mia/);
    expect((audit.body as Json).content).toContain(`questions: + "${PARAPHRASE}"`);
    expect(
      testBot
        .feedback()
        .gaps()
        .unanswered.map((group) => group.examples[0]),
    ).not.toContain(PARAPHRASE);
  });

  it("Out of scope opens a modal prefilled with the rarest words, and warns before applying", async () => {
    await ask("Which umbrella did Japarov carry in Berlin?");
    const { actions } = await openGap("umbrella");
    const modal = await firstBody(
      await standIn.sendButton({ customId: component(actions, "gap:scope:en:").custom_id, ...MODERATOR }),
    );
    expect(modal.type).toBe(InteractionResponseType.Modal);
    expect((modal.data.components[0].component as Json).value).toMatch(/umbrella/);
    const submit = async (phrase: string) =>
      (
        await firstBody(
          await standIn.sendModalSubmit({ customId: modal.data.custom_id, fields: { phrase }, ...MODERATOR }),
        )
      ).data as Json;
    // A word the statements need: check's warning comes before anything is applied.
    expect((await submit("Scholz")).content).toMatch(
      /“Scholz” shares the stem “scholz” with words of \d+ statement/,
    );
    const preview = await submit("umbrella");
    expect(preview.content).toContain('~ header outOfScope: + "umbrella"');
    expect(preview.content).not.toMatch(/shares the stem/);
    const before = await readFile(knowledgePath, "utf8");
    const apply = await standIn.sendButton({
      customId: component(preview, "gap:apply:en:").custom_id,
      ...MODERATOR,
    });
    expect((await editAfter(apply)).content).toMatch(/Knowledge updated/);
    expect((await readFile(knowledgePath, "utf8")).split("\n")).toHaveLength(before.split("\n").length + 1);
    expect(testBot.knowledge.current.document.outOfScope).toContain("umbrella");
  });

  it("Dismiss asks first, then keeps the gap out of the report", async () => {
    await ask("Was gab es zum Nachtisch beim Abendessen?");
    const { gapId, actions } = await openGap("Nachtisch");
    const preview = await firstBody(
      await standIn.sendButton({ customId: component(actions, "gap:dismiss:en:").custom_id, ...MODERATOR }),
    );
    expect(preview.data.content).toMatch(/Hide .*Nachtisch.* from the report/);
    const apply = await standIn.sendButton({
      customId: component(preview.data, "gap:apply:en:").custom_id,
      ...MODERATOR,
    });
    expect((await editAfter(apply)).content).toMatch(/Dismissed/);
    expect(testBot.feedback().findGap(gapId)).toBeUndefined();
    await ask("Was gab es zum Nachtisch beim Abendessen?");
    expect(testBot.feedback().findGap(gapId)).toBeUndefined();
  });

  it("a voted-down answer names the wrong statement; /knowledge teach finds the right one by autocomplete", async () => {
    const question = "When will the leaders meet next?";
    const sent = await standIn.sendSlashCommand({ name: "ask", options: { question }, user: asker });
    const answer = await firstBody(sent);
    // A down vote counts against every statement the answer showed.
    const shown = (answer.data.embeds as Json[]).map((embed) =>
      String(embed.footer?.text).split(" · ").at(-1),
    );
    const down = (answer.data.components[0].components as Json[]).find((button) =>
      String(button.custom_id).startsWith("vote:down:"),
    );
    await firstBody(await standIn.sendButton({ customId: down?.custom_id, user: asker }));

    const { gapId, actions } = await openGap("👎");
    const wrong = /answered with `([a-z0-9-]+)` and voted down/.exec(actions.content)?.[1] ?? "";
    expect(shown).toContain(wrong);
    const choices = await firstBody(
      await standIn.sendAutocomplete({
        name: "knowledge",
        subcommand: "teach",
        options: { gap: gapId, statement: "summit-first" },
        focused: "statement",
        ...MODERATOR,
      }),
    );
    const right = (choices.data.choices as Json[])
      .map((choice) => choice.value as string)
      .find((id) => id !== wrong);
    expect(right).toBeDefined();
    const preview = await firstBody(
      await standIn.sendSlashCommand({
        name: "knowledge",
        subcommand: "teach",
        options: { gap: gapId, statement: right as string },
        ...MODERATOR,
      }),
    );
    expect(preview.data.content).toContain(`~ ${right} questions: + "${question}"`);
    expect(preview.data.content).toContain(`answered with \`${wrong}\``);
    const apply = await standIn.sendButton({
      customId: component(preview.data, "gap:apply:en:").custom_id,
      ...MODERATOR,
    });
    expect((await editAfter(apply)).content).toMatch(/Knowledge updated/);
    expect(testBot.knowledge.current.statementsById.get(right as string)?.questions).toContain(question);
  });

  it("rolls back one version further per call, back to the file before any lesson, then says so", async () => {
    const knowledgeCommand = async (subcommand: string) => {
      const sent = await standIn.sendSlashCommand({
        name: "knowledge",
        subcommand,
        options: {},
        ...MODERATOR,
      });
      const first = await firstBody(sent);
      return first.type === InteractionResponseType.DeferredChannelMessageWithSource
        ? editAfter(sent)
        : first.data;
    };
    const lessons = (await testBot.knowledge.servedLine()).filter((served) => served.action !== "start-up");
    expect(lessons.map((served) => served.action)).toEqual(["teach", "out-of-scope", "teach"]);
    for (const _lesson of lessons)
      expect((await knowledgeCommand("rollback")).content).toMatch(/Knowledge updated/);
    expect(await readFile(knowledgePath, "utf8")).toBe(await readFile(SHIPPED_KNOWLEDGE, "utf8"));
    expect((await knowledgeCommand("rollback")).content).toMatch(/no earlier version/);
    const history = (await knowledgeCommand("history")).embeds[0].description as string;
    expect(history.split("\n")[0]).toMatch(/rollback.*← \*\*current\*\*/);
  });

  it("refuses the actions to members who are not moderators", async () => {
    const reply = await firstBody(
      await standIn.sendSelect({ customId: "gap:pick:en", values: ["00000000"], user: asker }),
    );
    expect(reply.data.content).toMatch(/Only moderators/);
  });
});
