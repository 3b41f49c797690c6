import { z } from "zod";
import { DEFAULT_KNOWLEDGE_PATH } from "../knowledge/load.js";

/** The value `.env.example` ships for the token: present, but not a token. */
export const TOKEN_PLACEHOLDER = "paste-your-bot-token-here";
export const DEFAULT_API_URL = "https://discord.com/api";

const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)");
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const idList = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(snowflake));
const wholeNumber = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? String(fallback) : value))
    .pipe(
      z
        .string()
        // A sign is read, so that -5 is told its range rather than that it is no number.
        .regex(/^[-+]?\d+$/, `must be a whole number from ${min} to ${max}`)
        .transform(Number)
        .pipe(
          z
            .number()
            .min(min, `must be ${min === 0 ? "0 or more (not negative)" : `at least ${min}`}, up to ${max}`)
            .max(max, `must be at most ${max}`),
        ),
    );
/** `true`/`false` (also yes/no, 1/0, on/off); undefined when empty. */
const optionalFlag = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((value, context) => {
    if (value === undefined || value === "") return undefined;
    if (/^(?:true|yes|1|on)$/.test(value)) return true;
    if (/^(?:false|no|0|off)$/.test(value)) return false;
    context.addIssue({ code: "custom", message: "must be true or false" });
    return z.NEVER;
  });
const flag = (fallback: boolean) => optionalFlag.transform((value) => value ?? fallback);
const withDefault = <T extends z.ZodType<unknown, string>>(schema: T, fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === "" ? fallback : value))
    .pipe(schema);

const settingsSchema = z
  .object({
    DISCORD_TOKEN: optionalText.transform((value) => (value === TOKEN_PLACEHOLDER ? undefined : value)),
    DISCORD_APPLICATION_ID: optionalText.pipe(snowflake.optional()),
    DISCORD_API_URL: withDefault(
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) address such as https://discord.com/api" })
        .transform((value) => value.replace(/\/+$/, "")),
      DEFAULT_API_URL,
    ),
    GUILD_ID: optionalText.pipe(snowflake.optional()),
    KNOWLEDGE_PATH: withDefault(z.string(), DEFAULT_KNOWLEDGE_PATH),
    DATA_DIR: withDefault(z.string(), "./data"),
    ASK_CHANNEL_IDS: idList,
    MODERATOR_ROLE_IDS: idList,
    AUDIT_CHANNEL_ID: optionalText.pipe(snowflake.optional()),
    COOLDOWN_USER_SECONDS: wholeNumber(3, 0, 3600),
    COOLDOWN_CHANNEL_SECONDS: wholeNumber(0, 0, 3600),
    MAX_QUESTION_LENGTH: wholeNumber(300, 10, 4000),
    UPLOAD_MAX_BYTES: wholeNumber(2_000_000, 1_000, 25_000_000),
    KNOWLEDGE_MAX_BYTES: wholeNumber(5_000_000, 1_000, 100_000_000),
    HISTORY_KEEP: wholeNumber(50, 2, 100_000),
    HEALTH_PORT: optionalText.pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a port number")
        .transform(Number)
        .pipe(
          z.number().min(1, "must be a port from 1 to 65535").max(65535, "must be a port from 1 to 65535"),
        )
        .optional(),
    ),
    HEALTH_HOST: withDefault(z.string(), "127.0.0.1"),
    LOG_LEVEL: withDefault(
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      }),
      "info",
    ),
    SHARDS: optionalText.pipe(
      z
        .string()
        .regex(/^(?:auto|[1-9]\d*)$/, "must be auto or a number of shards")
        .transform((value) => (value === "auto" ? ("auto" as const) : Number(value)))
        .optional(),
    ),
    DATA_RETENTION_DAYS: wholeNumber(90, 1, 3650),
    ADMIN_GUILD_ID: optionalText.pipe(snowflake.optional()),
    // Undefined until the schema's transform below: its default follows ASK_CHANNEL_IDS.
    MESSAGE_CONTENT_INTENT: optionalFlag,
    ASK_PUBLIC_DEFAULT: flag(false),
    ANSWER_MENTIONS: flag(true),
    FALLBACK_LANGUAGE: optionalText.pipe(
      z.enum(["de", "en"], { error: "must be de or en (or empty: the server's language)" }).optional(),
    ),
  })
  .superRefine((settings, context) => {
    if (settings.MESSAGE_CONTENT_INTENT === false && settings.ASK_CHANNEL_IDS.length > 0)
      context.addIssue({
        code: "custom",
        path: ["MESSAGE_CONTENT_INTENT"],
        message: "is false, but ASK_CHANNEL_IDS needs the Message Content intent to read those channels",
      });
  })
  .transform((settings) => ({
    ...settings,
    // Ask-channels only work with the Message Content intent, so setting them implies having it.
    MESSAGE_CONTENT_INTENT: settings.MESSAGE_CONTENT_INTENT ?? settings.ASK_CHANNEL_IDS.length > 0,
  }));

export type Settings = z.output<typeof settingsSchema>;

export interface SettingsProblem {
  readonly variable: string;
  readonly message: string;
}

export type SettingsResult =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

/** Reads the settings from the environment. Unknown variables are ignored; known ones validated. */
export function readSettings(env: NodeJS.ProcessEnv): SettingsResult {
  // In a shard process discord.js's ShardingManager sets SHARDS to the shard ids it runs (a JSON
  // list): there it is discord.js's, not the operator's setting.
  const own = env.SHARDING_MANAGER === undefined ? env : { ...env, SHARDS: undefined };
  const parsed = settingsSchema.safeParse(own);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? "environment");
      const listItem = issue.path.length > 1 ? ` (entry ${Number(issue.path[1]) + 1})` : "";
      return { variable, message: `${issue.message}${listItem}` };
    }),
  };
}

export function formatSettingsProblems(problems: readonly SettingsProblem[]): string {
  return [
    "The settings are not valid (see .env.example and the README section “Settings”):",
    ...problems.map((problem) => `  ${problem.variable}: ${problem.message}`),
  ].join("\n");
}
