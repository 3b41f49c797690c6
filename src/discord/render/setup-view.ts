import { type Messages, messagesFor } from "../../i18n/messages.js";
import type { Language } from "../../search/language.js";
import {
  type Resolved,
  type ResolvedServerSettings,
  SERVER_SETTING_KEYS,
  type ServerSettingKey,
  type ServerSettings,
} from "../../servers/server-settings.js";

/** What /setup needs to know about the server to show its settings. */
export interface ServerView {
  /** The server's Discord language, for "the server's language". */
  readonly locale: Language;
  /** Whether a channel id is one of this server's: the environment's list names every server's. */
  readonly hasChannel: (channelId: string) => boolean;
}

const LABELS: { readonly [K in ServerSettingKey]: keyof Messages } = {
  askChannels: "setupAskChannels",
  askPublic: "setupAskPublic",
  fallbackLanguage: "setupFallbackLanguage",
  cooldownSeconds: "setupCooldown",
  answerMentions: "setupMentions",
};

export function settingLabel(key: ServerSettingKey, language: Language): string {
  return messagesFor(language)[LABELS[key]] as string;
}

/**
 * This server's ask-channels as they apply now. The environment's default list may name other
 * servers' channels: only this server's are shown, and a change starts from them.
 */
export function ownAskChannels(resolved: Resolved<readonly string[]>, server: ServerView): string[] {
  return resolved.source === "server" ? [...resolved.value] : resolved.value.filter(server.hasChannel);
}

/** A setting's value in words; channels as Discord channel links (they never ping). */
export function formatSetting<K extends ServerSettingKey>(
  key: K,
  resolved: Resolved<ServerSettings[K]>,
  language: Language,
  server: ServerView,
): string {
  const text = messagesFor(language);
  const value = resolved.value as ServerSettings[ServerSettingKey];
  switch (key) {
    case "askChannels": {
      const channels = ownAskChannels(resolved as Resolved<readonly string[]>, server);
      return channels.length === 0 ? text.setupNone : channels.map((id) => `<#${id}>`).join(", ");
    }
    case "fallbackLanguage":
      return value === null
        ? text.serverLanguage(messagesFor(server.locale).languageName)
        : messagesFor(value as Language).languageName;
    case "cooldownSeconds":
      return text.seconds(value as number);
    default:
      return value ? text.yes : text.no;
  }
}

/** `/setup show`: every setting, its value, and whether it is set here or the default. */
export function setupShowContent(
  resolved: ResolvedServerSettings,
  language: Language,
  server: ServerView,
  hasMessageContent: boolean,
): string {
  const text = messagesFor(language);
  const lines = SERVER_SETTING_KEYS.map((key) => {
    const source = resolved[key].source === "server" ? text.setupSetHere : text.setupDefault;
    return `• ${settingLabel(key, language)}: ${formatSetting(key, resolved[key], language, server)} (${source})`;
  });
  return [
    `**${text.setupTitle}**`,
    ...lines,
    ...(hasMessageContent ? [] : ["", text.setupNoMessageContent]),
  ].join("\n");
}
