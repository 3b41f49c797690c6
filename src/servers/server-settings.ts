import { z } from "zod";
import type { Settings } from "../config/settings.js";
import type { Language } from "../search/language.js";

/** Discord shows at most this many ask-channels per server in /setup; more is a sign of a mistake. */
export const MAX_ASK_CHANNELS = 10;
/** A longer per-user cooldown than an hour is a ban, which is not what a cooldown is for. */
export const MAX_COOLDOWN_SECONDS = 3600;

/**
 * What each server's admins may set for their server with /setup. Anything not set comes from the
 * environment, which gives every server the same defaults.
 */
export interface ServerSettings {
  /** Channels (text channels, threads, forums: a thread counts through its parent) answered without a mention. */
  readonly askChannels: readonly string[];
  /** Whether /ask answers are public unless the asker says otherwise. */
  readonly askPublic: boolean;
  /** Language of replies to plain-word questions whose language cannot be told; null: the server's. */
  readonly fallbackLanguage: Language | null;
  /** Seconds between two questions of one user. */
  readonly cooldownSeconds: number;
  /** Whether a mention of the bot is answered. */
  readonly answerMentions: boolean;
}

export type ServerSettingKey = keyof ServerSettings;

/** The order /setup show lists them in. */
export const SERVER_SETTING_KEYS: readonly ServerSettingKey[] = [
  "askChannels",
  "askPublic",
  "fallbackLanguage",
  "cooldownSeconds",
  "answerMentions",
];

/** What a stored value must look like; a value that does not is ignored, not trusted. */
export const SERVER_SETTING_SCHEMAS: { readonly [K in ServerSettingKey]: z.ZodType<ServerSettings[K]> } = {
  askChannels: z.array(z.string().regex(/^\d{17,20}$/)).max(MAX_ASK_CHANNELS),
  askPublic: z.boolean(),
  fallbackLanguage: z.enum(["de", "en"]).nullable(),
  cooldownSeconds: z.number().int().min(0).max(MAX_COOLDOWN_SECONDS),
  answerMentions: z.boolean(),
};

/** A setting's value for one server, and whether the server set it or it is the default. */
export interface Resolved<T> {
  readonly value: T;
  readonly source: "server" | "environment";
}

export type ResolvedServerSettings = { readonly [K in ServerSettingKey]: Resolved<ServerSettings[K]> };

/** The environment's defaults, the same for every server. */
export function environmentDefaults(settings: Settings): ServerSettings {
  return {
    askChannels: settings.ASK_CHANNEL_IDS,
    askPublic: settings.ASK_PUBLIC_DEFAULT,
    fallbackLanguage: settings.FALLBACK_LANGUAGE ?? null,
    cooldownSeconds: settings.COOLDOWN_USER_SECONDS,
    answerMentions: settings.ANSWER_MENTIONS,
  };
}

/** Each setting from what the server stored, else from the environment. */
export function resolveServerSettings(
  stored: Partial<ServerSettings>,
  defaults: ServerSettings,
): ResolvedServerSettings {
  const pick = <K extends ServerSettingKey>(key: K): Resolved<ServerSettings[K]> => {
    const own = stored[key];
    return own === undefined
      ? { value: defaults[key], source: "environment" }
      : { value: own as ServerSettings[K], source: "server" };
  };
  return {
    askChannels: pick("askChannels"),
    askPublic: pick("askPublic"),
    fallbackLanguage: pick("fallbackLanguage"),
    cooldownSeconds: pick("cooldownSeconds"),
    answerMentions: pick("answerMentions"),
  };
}

/** The plain values, for code that only needs to act on them. */
export function valuesOf(resolved: ResolvedServerSettings): ServerSettings {
  return {
    askChannels: resolved.askChannels.value,
    askPublic: resolved.askPublic.value,
    fallbackLanguage: resolved.fallbackLanguage.value,
    cooldownSeconds: resolved.cooldownSeconds.value,
    answerMentions: resolved.answerMentions.value,
  };
}
