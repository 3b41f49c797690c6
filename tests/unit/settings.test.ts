import { describe, expect, it } from "vitest";
import { formatSettingsProblems, readSettings, TOKEN_PLACEHOLDER } from "../../src/config/settings.js";

describe("settings", () => {
  it("has sensible defaults for an empty environment", () => {
    const result = readSettings({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.DISCORD_TOKEN).toBeUndefined();
    expect(result.settings.DISCORD_API_URL).toBe("https://discord.com/api");
    expect(result.settings.KNOWLEDGE_PATH).toBe("knowledge/summit.yaml");
    expect(result.settings.ASK_CHANNEL_IDS).toEqual([]);
    expect(result.settings.HEALTH_HOST).toBe("127.0.0.1");
    expect(result.settings.MAX_QUESTION_LENGTH).toBe(300);
  });

  it("treats the .env.example placeholder and empty values as unset", () => {
    const result = readSettings({ DISCORD_TOKEN: TOKEN_PLACEHOLDER, GUILD_ID: "", SHARDS: "" });
    expect(result.ok && result.settings.DISCORD_TOKEN).toBeUndefined();
    expect(result.ok && result.settings.GUILD_ID).toBeUndefined();
  });

  it("parses lists, numbers and shard counts", () => {
    const result = readSettings({
      ASK_CHANNEL_IDS: "123456789012345678, 223456789012345678",
      COOLDOWN_USER_SECONDS: "10",
      SHARDS: "auto",
      DISCORD_API_URL: "http://127.0.0.1:8080/api/",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.ASK_CHANNEL_IDS).toEqual(["123456789012345678", "223456789012345678"]);
    expect(result.settings.COOLDOWN_USER_SECONDS).toBe(10);
    expect(result.settings.SHARDS).toBe("auto");
    expect(result.settings.DISCORD_API_URL).toBe("http://127.0.0.1:8080/api");
  });

  it("names every variable that is wrong, and ignores unknown ones", () => {
    const result = readSettings({
      GUILD_ID: "not-an-id",
      ASK_CHANNEL_IDS: "123456789012345678,42",
      DISCORD_API_URL: "ftp://example.org",
      LOG_LEVEL: "verbose",
      HEALTH_PORT: "99999",
      SHARDS: "0",
      SOMETHING_ELSE: "whatever",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const variables = result.problems.map((problem) => problem.variable).sort();
    expect(variables).toEqual([
      "ASK_CHANNEL_IDS",
      "DISCORD_API_URL",
      "GUILD_ID",
      "HEALTH_PORT",
      "LOG_LEVEL",
      "SHARDS",
    ]);
    expect(formatSettingsProblems(result.problems)).toMatch(
      /ASK_CHANNEL_IDS: must be a Discord id .*entry 2/,
    );
  });

  it("reads the home server and the per-server defaults, and the Message Content intent follows ask-channels", () => {
    const plain = readSettings({});
    expect(plain.ok && plain.settings.ADMIN_GUILD_ID).toBeUndefined();
    expect(plain.ok && plain.settings.MESSAGE_CONTENT_INTENT).toBe(false);
    expect(plain.ok && plain.settings.ASK_PUBLIC_DEFAULT).toBe(false);
    expect(plain.ok && plain.settings.ANSWER_MENTIONS).toBe(true);
    expect(plain.ok && plain.settings.FALLBACK_LANGUAGE).toBeUndefined();
    const withChannels = readSettings({ ASK_CHANNEL_IDS: "123456789012345678" });
    expect(withChannels.ok && withChannels.settings.MESSAGE_CONTENT_INTENT).toBe(true);
    const chosen = readSettings({
      ADMIN_GUILD_ID: "123456789012345678",
      MESSAGE_CONTENT_INTENT: "true",
      ASK_PUBLIC_DEFAULT: "yes",
      ANSWER_MENTIONS: "false",
      FALLBACK_LANGUAGE: "de",
    });
    expect(chosen.ok).toBe(true);
    if (!chosen.ok) return;
    expect(chosen.settings).toMatchObject({
      ADMIN_GUILD_ID: "123456789012345678",
      MESSAGE_CONTENT_INTENT: true,
      ASK_PUBLIC_DEFAULT: true,
      ANSWER_MENTIONS: false,
      FALLBACK_LANGUAGE: "de",
    });
  });

  it("refuses ask-channels without the Message Content intent, and names each wrong new setting", () => {
    const result = readSettings({
      ASK_CHANNEL_IDS: "123456789012345678",
      MESSAGE_CONTENT_INTENT: "false",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatSettingsProblems(result.problems)).toMatch(
      /MESSAGE_CONTENT_INTENT: is false, but ASK_CHANNEL_IDS/,
    );
    const wrong = readSettings({ ADMIN_GUILD_ID: "home", ANSWER_MENTIONS: "maybe", FALLBACK_LANGUAGE: "ru" });
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.problems.map((problem) => problem.variable).sort()).toEqual([
      "ADMIN_GUILD_ID",
      "ANSWER_MENTIONS",
      "FALLBACK_LANGUAGE",
    ]);
  });
});
