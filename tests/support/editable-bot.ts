import { copyFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DiscordStandIn } from "./discord-standin.js";
import { SHIPPED_KNOWLEDGE, startTestBot, type TestBot } from "./test-bot.js";

export interface EditableTestBot {
  readonly testBot: TestBot;
  /** A copy of the shipped knowledge, the bot's own to change. */
  readonly knowledgePath: string;
  /** The channel the bot posts knowledge changes to. */
  readonly auditChannel: string;
}

/** The bot on its own copy of the shipped knowledge, posting changes to an audit channel. */
export async function startEditableTestBot(
  standIn: DiscordStandIn,
  env: Record<string, string> = {},
): Promise<EditableTestBot> {
  const folder = await mkdtemp(join(tmpdir(), "summit-editable-"));
  const knowledgePath = join(folder, "summit.yaml");
  await copyFile(SHIPPED_KNOWLEDGE, knowledgePath);
  const auditChannel = standIn.guilds[0]?.channels[2]?.id ?? "";
  const testBot = await startTestBot(standIn, {
    KNOWLEDGE_PATH: knowledgePath,
    AUDIT_CHANNEL_ID: auditChannel,
    ...env,
  });
  return { testBot, knowledgePath, auditChannel };
}
