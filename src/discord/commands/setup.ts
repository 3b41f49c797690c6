import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { feedbackAttempt } from "../../feedback/feedback-service.js";
import { languageOfLocale, messagesFor } from "../../i18n/messages.js";
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
import { bySubcommand, OPEN_TO_ALL, replyLanguage, type SlashCommand } from "./command.js";
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

  execute: bySubcommand({
    show,
    "ask-channel-add": (interaction, context) => changeAskChannels(interaction, context, "add"),
    "ask-channel-remove": (interaction, context) => changeAskChannels(interaction, context, "remove"),
    "ask-public": (interaction, context) =>
      change(interaction, context, "askPublic", interaction.options.getBoolean("enabled", true)),
    mentions: (interaction, context) =>
      change(interaction, context, "answerMentions", interaction.options.getBoolean("enabled", true)),
    language: (interaction, context) => {
      const value = interaction.options.getString("value", true);
      return change(
        interaction,
        context,
        "fallbackLanguage",
        value === "de" || value === "en" ? value : null,
      );
    },
    cooldown: (interaction, context) =>
      change(interaction, context, "cooldownSeconds", interaction.options.getInteger("seconds", true)),
    reset,
  }),
};

/** The declared rule lets only a server's admins through, so every handler runs in a server. */
type ServerCommand = ChatInputCommandInteraction<"cached" | "raw">;

function privately(interaction: ChatInputCommandInteraction, content: string): Promise<unknown> {
  return interaction.reply({ content, flags: MessageFlags.Ephemeral });
}

function inServer(interaction: ChatInputCommandInteraction): interaction is ServerCommand {
  return interaction.inGuild();
}

async function show(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  if (!inServer(interaction)) return;
  const language = replyLanguage(interaction);
  const resolved = context.servers.resolve(interaction.guildId);
  const content = setupShowContent(
    resolved,
    language,
    serverView(interaction),
    context.settings.MESSAGE_CONTENT_INTENT,
  );
  await privately(interaction, content);
}

async function changeAskChannels(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  action: "add" | "remove",
): Promise<void> {
  if (!inServer(interaction)) return;
  const text = messagesFor(replyLanguage(interaction));
  const adding = action === "add";
  if (adding && !context.settings.MESSAGE_CONTENT_INTENT) {
    await privately(interaction, text.setupNoMessageContent);
    return;
  }
  const channel = interaction.options.getChannel("channel", true);
  if (!(ASK_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type)) {
    await privately(interaction, text.setupChannelWrongType);
    return;
  }
  const current = ownAskChannels(
    context.servers.resolve(interaction.guildId).askChannels,
    serverView(interaction),
  );
  const mention = `<#${channel.id}>`;
  if (adding === current.includes(channel.id)) {
    await privately(
      interaction,
      adding ? text.setupAlreadyAskChannel(mention) : text.setupNotAskChannel(mention),
    );
    return;
  }
  if (adding && current.length >= MAX_ASK_CHANNELS) {
    await privately(interaction, text.setupTooManyChannels(MAX_ASK_CHANNELS));
    return;
  }
  const next = adding ? [...current, channel.id] : current.filter((id) => id !== channel.id);
  await change(interaction, context, "askChannels", next);
}

/** Sets one setting for this server, logs it, and tells the admin old → new. */
async function change<K extends ServerSettingKey>(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  key: K,
  value: ServerSettings[K],
): Promise<void> {
  if (!inServer(interaction)) return;
  const language = replyLanguage(interaction);
  const view = serverView(interaction);
  const saved = feedbackAttempt(() => context.servers.set(interaction.guildId, key, value));
  if (!saved.ok) {
    await privately(interaction, messagesFor(language).settingsUnavailable(saved.reason));
    return;
  }
  const entry = saved.value;
  logChange(entry, interaction, context);
  const content = messagesFor(language).setupChanged(
    settingLabel(key, language),
    formatSetting(key, entry.before, language, view),
    formatSetting(key, entry.after, language, view),
  );
  await privately(interaction, content);
}

async function reset(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  if (!inServer(interaction)) return;
  const language = replyLanguage(interaction);
  const text = messagesFor(language);
  const requested = interaction.options.getString("setting");
  const key = SERVER_SETTING_KEYS.find((name) => name === requested);
  const saved = feedbackAttempt(() => context.servers.reset(interaction.guildId, key));
  if (!saved.ok) {
    await privately(interaction, text.settingsUnavailable(saved.reason));
    return;
  }
  const changes = saved.value;
  for (const entry of changes) logChange(entry, interaction, context);
  await privately(
    interaction,
    changes.length === 0
      ? text.setupNothingToReset
      : text.setupResetDone(changes.map((entry) => settingLabel(entry.key, language)).join(", ")),
  );
}

function serverView(interaction: ChatInputCommandInteraction): ServerView {
  const guild = interaction.guild;
  return {
    locale: languageOfLocale(interaction.guildLocale),
    hasChannel: (channelId) => guild?.channels.cache.has(channelId) ?? false,
  };
}

/** Every change is logged: who, which server, old → new. */
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
