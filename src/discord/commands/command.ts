import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type StringSelectMenuInteraction,
} from "discord.js";
import type { FollowUpMemory } from "../../app/follow-up-memory.js";
import { languageOfLocale, messagesFor } from "../../i18n/messages.js";
import type { Language } from "../../search/language.js";
import type { SearchIndex } from "../../search/search-index.js";
import type { BotContext } from "../context.js";
import type { IdCodec } from "../custom-ids.js";
import { fitForChannel, type ReplyPayload } from "../render/reply.js";

/**
 * What the router checks before a command or component handler runs, so no handler repeats it.
 * A new rule is one field here and its check in `interaction-rules.ts`.
 */
export interface CommandRules {
  /** Asking the engine costs time: the per-user and per-channel question cooldowns apply. */
  readonly cooldown: boolean;
  /** Only the operators' moderators: Manage Server or one of MODERATOR_ROLE_IDS, in the home server. */
  readonly moderatorsOnly: boolean;
  /** Only a server's admins (Manage Server there), for that server; never in a DM. */
  readonly serverAdminsOnly: boolean;
  /**
   * The operators' own: registered only in the home server (ADMIN_GUILD_ID), and refused from
   * anywhere else, with its buttons, menus and dialogs, however the interaction got there.
   */
  readonly homeServerOnly: boolean;
}

/** No cooldown, no restriction: reading what the knowledge holds. */
export const OPEN_TO_ALL: CommandRules = {
  cooldown: false,
  moderatorsOnly: false,
  serverAdminsOnly: false,
  homeServerOnly: false,
};

export type CommandHandler = (interaction: ChatInputCommandInteraction, context: BotContext) => Promise<void>;

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/** What the component dispatcher routes: clicks, menu choices, and forms (modals) submitted. */
export type ComponentOrModalInteraction = ComponentInteraction | ModalSubmitInteraction;

/** A command module: its definition as data, its rules, its handlers, its buttons and menus. */
export interface SlashCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly rules: CommandRules;
  /** The same command in the terminal chat: every command has one, so none is forgotten there. */
  readonly chat: ChatEntry;
  execute: CommandHandler;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /** The buttons and menus this command's replies carry. */
  readonly components?: readonly ComponentKind[];
}

/** What the terminal chat knows of the conversation. */
export interface ChatSession {
  readonly index: SearchIndex;
  /** The last question, for a follow-up ("and Uzbekistan?") to be read with. */
  readonly followUps: FollowUpMemory;
  /** The chat's own help: its commands, for `/help` to show before the bot's help. */
  readonly commandList: string;
  /** The language commands answer in: `/lang`'s choice, else the last question's language. */
  readonly language: Language;
  /** The language `/lang` fixed, if any: questions are answered in it. */
  readonly fixedLanguage: Language | undefined;
  /** MAX_QUESTION_LENGTH: the chat declines longer questions as the bot does. */
  readonly maxQuestionLength: number;
  /** Commands that answer a question set the conversation's language to the answer's. */
  answeredIn(language: Language): void;
}

export interface ChatEntry {
  /** The argument as the chat's help shows it, e.g. `[TOPIC]`; empty for none. */
  readonly usage: string;
  run(argument: string, session: ChatSession): string;
}

/** A family of buttons or menus, erased to what the dispatcher needs: scope, rules, a handler. */
export interface ComponentKind {
  readonly scope: string;
  readonly rules: CommandRules;
  /** The handler bound to a decoded id, with the id's language; undefined for an invalid id. */
  bind(parts: readonly string[]): BoundComponent | undefined;
}

export interface BoundComponent {
  readonly language: Language;
  handle(interaction: ComponentOrModalInteraction, context: BotContext): Promise<void>;
}

export function componentKind<Id extends { readonly kind: string; readonly language: Language }>(
  ids: IdCodec<Id>,
  rules: CommandRules,
  handle: (interaction: ComponentInteraction, id: Id, context: BotContext) => Promise<void>,
): ComponentKind {
  return componentAndModalKind(ids, rules, async (interaction, id, context) => {
    // A form submitted with one of these ids is not one the bot showed.
    if (interaction.isModalSubmit())
      await interaction.reply({ content: messagesFor(id.language).expired, flags: MessageFlags.Ephemeral });
    else await handle(interaction, id, context);
  });
}

/** Buttons and menus whose family also opens forms (modals), and handles them when submitted. */
export function componentAndModalKind<Id extends { readonly kind: string; readonly language: Language }>(
  ids: IdCodec<Id>,
  rules: CommandRules,
  handle: (interaction: ComponentOrModalInteraction, id: Id, context: BotContext) => Promise<void>,
): ComponentKind {
  return {
    scope: ids.scope,
    rules,
    bind(parts) {
      const id = ids.decode(parts);
      return (
        id && { language: id.language, handle: (interaction, context) => handle(interaction, id, context) }
      );
    },
  };
}

/** One small handler per subcommand, looked up by name. */
export function bySubcommand(handlers: Readonly<Record<string, CommandHandler>>): CommandHandler {
  return async (interaction, context) => {
    const handler = handlers[interaction.options.getSubcommand()];
    if (!handler)
      throw new Error(`no handler for /${interaction.commandName} ${interaction.options.getSubcommand()}`);
    await handler(interaction, context);
  };
}

/** Replies follow the user's Discord language: German for `de`, English otherwise. */
export function replyLanguage(interaction: Interaction): Language {
  return languageOfLocale(interaction.locale);
}

/** Embeds need the Embed Links permission in the channel; without it the bot answers in text. */
export function canEmbed(interaction: Interaction): boolean {
  return interaction.appPermissions?.has(PermissionFlagsBits.EmbedLinks) ?? true;
}

/**
 * A private message changes in place; a public one stays as it is for everyone else, and the
 * clicker gets the result privately.
 */
export async function updateOrReply(interaction: ComponentInteraction, reply: ReplyPayload): Promise<void> {
  const payload = fitForChannel(reply, canEmbed(interaction));
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) await interaction.update(payload);
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}
