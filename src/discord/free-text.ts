import {
  ChannelType,
  type Message,
  type MessageCreateOptions,
  type MessageEditOptions,
  type PartialMessage,
  PermissionFlagsBits,
} from "discord.js";
import { FollowUpMemory } from "../app/follow-up-memory.js";
import { languageOfLocale, messagesFor } from "../i18n/messages.js";
import { cleanUserText, exceedsQuestionLength } from "../search/normalize.js";
import { looksLikeQuestion } from "../search/question-shape.js";
import { type ServerSettings, valuesOf } from "../servers/server-settings.js";
import { answerAndRecord } from "./ask-engine.js";
import { BoundedMap } from "./bounded-map.js";
import type { BotContext } from "./context.js";
import { answerReply, MORE_PASSAGES, SHOWN_PASSAGES } from "./render/answer-view.js";
import { fitForChannel, type ReplyPayload } from "./render/reply.js";

/** Why the bot may answer a message; undefined means the message is not for the bot. */
type Trigger = "direct-message" | "mention" | "ask-channel";

const TRACKED_REPLIES = 2000;
/** Replies to messages must never ping, not even the asker. */
const NO_PINGS = { parse: [], repliedUser: false } as const;

/**
 * Questions in plain words: in DMs, when the bot is mentioned, and in the configured ask-channels
 * (there only for messages that look like questions, and silence rather than a weak guess). Each
 * reply is remembered, so deleting the question deletes the answer and editing it re-answers.
 */
export class FreeTextResponder {
  /** Question id → its reply's id; a promise, so an edit that races the first reply waits for it. */
  private readonly replies = new BoundedMap<string, Promise<string | undefined>>(TRACKED_REPLIES);
  /** "and Uzbekistan?" is read with the same person's question before it, in the same channel. */
  private readonly followUps = new FollowUpMemory();

  constructor(private readonly context: BotContext) {}

  async onMessage(message: Message): Promise<void> {
    const payload = this.replyFor(message);
    if (!payload) return;
    const sent = message
      .reply({ ...payload, allowedMentions: NO_PINGS } as MessageCreateOptions)
      .then((reply) => reply.id)
      .catch((error: unknown) => {
        this.replies.delete(message.id);
        throw error;
      });
    this.replies.set(
      message.id,
      sent.catch(() => undefined),
    );
    await sent;
  }

  async onEdit(message: Message): Promise<void> {
    const replyId = await this.replies.get(message.id);
    // A correction of a question already answered is not a new question: no cooldown applies.
    const payload = this.replyFor(message, replyId !== undefined);
    if (!replyId) {
      if (payload) await this.onMessage(message);
      return;
    }
    const channel = message.channel;
    if (!payload) {
      this.replies.delete(message.id);
      await channel.messages.delete(replyId);
      return;
    }
    await channel.messages.edit(replyId, {
      content: payload.content ?? null,
      embeds: payload.embeds ?? [],
      components: payload.components ?? [],
      allowedMentions: NO_PINGS,
    } as MessageEditOptions);
  }

  async onDelete(message: Message | PartialMessage): Promise<void> {
    const replyId = await this.replies.get(message.id);
    if (!replyId) return;
    this.replies.delete(message.id);
    await message.channel.messages.delete(replyId);
  }

  private replyFor(message: Message, isCorrection = false): ReplyPayload | undefined {
    const me = message.client.user;
    if (message.author.bot || message.author.id === me.id || message.system) return undefined;
    // Read from the database each time: a change made with /setup on any shard applies at once.
    const server = valuesOf(this.context.servers.resolve(message.guildId));
    const trigger = triggerOf(message, server);
    if (!trigger) return undefined;
    const question = cleanUserText(message.content.replace(new RegExp(`<@!?${me.id}>`, "g"), " "));
    const quiet = trigger === "ask-channel";
    if (quiet && !looksLikeQuestion(question)) return undefined;

    const fallbackLanguage = server.fallbackLanguage ?? languageOfLocale(message.guild?.preferredLocale);
    const text = messagesFor(fallbackLanguage);
    if (question === "") return quiet ? undefined : { content: text.emptyQuestion };
    const maxLength = this.context.settings.MAX_QUESTION_LENGTH;
    if (exceedsQuestionLength(question, maxLength))
      return quiet ? undefined : { content: text.questionTooLong(maxLength) };

    // Too fast: silence, as for chatter. A plain message has no private channel to say "slow down" in.
    const decision = isCorrection
      ? undefined
      : this.context.cooldowns.check(
          message.author.id,
          message.channelId,
          Date.now(),
          server.cooldownSeconds,
        );
    if (decision && !decision.allowed) {
      this.context.metrics.recordRateLimited(decision.scope);
      return undefined;
    }
    const index = this.context.knowledge.index;
    const limit = SHOWN_PASSAGES + MORE_PASSAGES;
    const conversation = {
      memory: this.followUps,
      person: message.author.id,
      channel: message.channelId,
      asked: { messageId: message.id, edited: isCorrection },
    };
    const asked = {
      requestId: message.id,
      userId: message.author.id,
      guildId: message.guildId,
      channelId: message.channelId,
    };
    const answer = answerAndRecord(
      this.context,
      question,
      { fallbackLanguage, limit },
      "message",
      asked,
      conversation,
    );
    if (quiet && !answer.answered && answer.outcome !== "unsupported-language") return undefined;
    return fitForChannel(answerReply(answer, index, message.id), canEmbed(message));
  }
}

function triggerOf(message: Message, server: ServerSettings): Trigger | undefined {
  if (message.channel.type === ChannelType.DM) return "direct-message";
  if (
    server.answerMentions &&
    message.mentions.has(message.client.user, {
      ignoreEveryone: true,
      ignoreRoles: true,
      ignoreRepliedUser: true,
    })
  ) {
    return "mention";
  }
  // A thread (and a forum post, which is a thread of its forum) counts through its parent.
  const parentId = message.channel.isThread() ? message.channel.parentId : undefined;
  if (server.askChannels.includes(message.channelId) || (parentId && server.askChannels.includes(parentId)))
    return "ask-channel";
  return undefined;
}

function canEmbed(message: Message): boolean {
  if (!message.inGuild()) return true;
  return message.channel.permissionsFor(message.client.user)?.has(PermissionFlagsBits.EmbedLinks) ?? true;
}
