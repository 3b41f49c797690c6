import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { languageOfLocale, messagesFor } from "../../i18n/messages.js";
import type { Language } from "../../search/language.js";
import {
  MAX_ASK_CHANNELS,
  MAX_COOLDOWN_SECONDS,
  SERVER_SETTING_KEYS,
  type ServerSettingKey,
  type ServerSettings,
} from "../../servers/server-settings.js";
import type { SettingChange } from "../../servers/server-settings-store.js";
import type { BotContext } from "../context.js";
import { actorOf } from "../moderation.js";
import {
  formatSetting,
  ownAskChannels,
  type ServerView,
  settingLabel,
  setupShowContent,
} from "../render/setup-view.js";
import { OPEN_TO_ALL, replyLanguage, type SlashCommand } from "./command.js";
import { localized } from "./localized.js";

/** Where plain questions can be asked: text and announcement channels, their threads, and forums (each post a thread). */
const ASK_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
] as const;

const english = messagesFor("en");
const german = messagesFor("de");
const choice = (words: keyof typeof english, value: string) => ({
  name: english[words] as string,
  name_localizations: { de: german[words] as string },
  value,
});

export const setupCommand: SlashCommand = {
  data: localized(new SlashCommandBuilder(), "setup")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((sub) => localized(sub, "setup show"))
    .addSubcommand((sub) =>
      localized(sub, "setup ask-channel-add").addChannelOption((option) =>
        localized(option, "channel")
          .setRequired(true)
          .addChannelTypes(...ASK_CHANNEL_TYPES),
      ),
    )
    .addSubcommand((sub) =>
      localized(sub, "setup ask-channel-remove").addChannelOption((option) =>
        localized(option, "channel")
          .setRequired(true)
          .addChannelTypes(...ASK_CHANNEL_TYPES),
      ),
    )
    .addSubcommand((sub) =>
      localized(sub, "setup ask-public").addBooleanOption((option) =>
        localized(option, "enabled").setRequired(true),
      ),
    )
    .addSubcommand((sub) =>
      localized(sub, "setup language").addStringOption((option) =>
        localized(option, "setup language value")
          .setRequired(true)
          .addChoices(
            choice("choiceGerman", "de"),
            choice("choiceEnglish", "en"),
            choice("choiceServerLanguage", "server"),
          ),
      ),
    )
    .addSubcommand((sub) =>
      localized(sub, "setup cooldown").addIntegerOption((option) =>
        localized(option, "setup cooldown seconds")
          .setRequired(true)
          .setMinValue(0)
          .setMaxValue(MAX_COOLDOWN_SECONDS),
      ),
    )
    .addSubcommand((sub) =>
      localized(sub, "setup mentions").addBooleanOption((option) =>
        localized(option, "enabled").setRequired(true),
      ),
    )
    .addSubcommand((sub) =>
      localized(sub, "setup reset").addStringOption((option) =>
        localized(option, "setup reset setting").addChoices(
          ...SERVER_SETTING_KEYS.map((key) => ({
            name: settingLabel(key, "en"),
            name_localizations: { de: settingLabel(key, "de") },
            value: key,
          })),
        ),
      ),
    )
    .toJSON(),

  rules: { ...OPEN_TO_ALL, serverAdminsOnly: true },

  chat: {
    usage: "",
    run: (_argument, { language }) => messagesFor(language).setupInTerminal,
  },

  async execute(interaction, context) {
    const language = replyLanguage(interaction);
    const text = messagesFor(language);
    const reply = (content: string) => interaction.reply({ content, flags: MessageFlags.Ephemeral });
    // The declared rule let only a server's admins through, so this is a server.
    if (!interaction.inGuild()) return;
    const guildId = interaction.guildId;
    const view = serverView(interaction);
    const { servers } = context;
    const change = <K extends ServerSettingKey>(key: K, value: ServerSettings[K]) =>
      reply(changed(servers.set(guildId, key, value), interaction, context, language, view));
    switch (interaction.options.getSubcommand()) {
      case "show":
        await reply(
          setupShowContent(servers.resolve(guildId), language, view, context.settings.MESSAGE_CONTENT_INTENT),
        );
        return;
      case "ask-channel-add":
      case "ask-channel-remove": {
        const adding = interaction.options.getSubcommand() === "ask-channel-add";
        if (adding && !context.settings.MESSAGE_CONTENT_INTENT) {
          await reply(text.setupNoMessageContent);
          return;
        }
        const channel = interaction.options.getChannel("channel", true);
        if (!(ASK_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type)) {
          await reply(text.setupChannelWrongType);
          return;
        }
        const current = ownAskChannels(servers.resolve(guildId).askChannels, view);
        const mention = `<#${channel.id}>`;
        if (adding === current.includes(channel.id)) {
          await reply(adding ? text.setupAlreadyAskChannel(mention) : text.setupNotAskChannel(mention));
          return;
        }
        if (adding && current.length >= MAX_ASK_CHANNELS) {
          await reply(text.setupTooManyChannels(MAX_ASK_CHANNELS));
          return;
        }
        await change(
          "askChannels",
          adding ? [...current, channel.id] : current.filter((id) => id !== channel.id),
        );
        return;
      }
      case "ask-public":
        await change("askPublic", interaction.options.getBoolean("enabled", true));
        return;
      case "mentions":
        await change("answerMentions", interaction.options.getBoolean("enabled", true));
        return;
      case "language": {
        const value = interaction.options.getString("value", true);
        await change("fallbackLanguage", value === "de" || value === "en" ? value : null);
        return;
      }
      case "cooldown":
        await change("cooldownSeconds", interaction.options.getInteger("seconds", true));
        return;
      case "reset": {
        const requested = interaction.options.getString("setting");
        const key = SERVER_SETTING_KEYS.find((name) => name === requested);
        const changes = servers.reset(guildId, key);
        for (const entry of changes) logChange(entry, interaction, context);
        await reply(
          changes.length === 0
            ? text.setupNothingToReset
            : text.setupResetDone(changes.map((entry) => settingLabel(entry.key, language)).join(", ")),
        );
        return;
      }
    }
  },
};

function serverView(interaction: ChatInputCommandInteraction): ServerView {
  const guild = interaction.guild;
  return {
    locale: languageOfLocale(interaction.guildLocale),
    hasChannel: (channelId) => guild?.channels.cache.has(channelId) ?? false,
  };
}

/** Logs a change (who, which server, old → new) and words it for the admin who made it. */
function changed(
  entry: SettingChange,
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  language: Language,
  view: ServerView,
): string {
  logChange(entry, interaction, context);
  return messagesFor(language).setupChanged(
    settingLabel(entry.key, language),
    formatSetting(entry.key, entry.before, language, view),
    formatSetting(entry.key, entry.after, language, view),
  );
}

function logChange(
  entry: SettingChange,
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): void {
  context.logger.info(
    {
      actor: actorOf(interaction),
      guildId: interaction.guildId,
      setting: entry.key,
      before: entry.before.value,
      after: entry.after.value,
      source: `${entry.before.source} → ${entry.after.source}`,
    },
    "server setting changed",
  );
}
