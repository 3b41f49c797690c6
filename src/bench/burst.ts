/**
 * A burst of `/ask` interactions from many users at once against the local Discord stand-in. The
 * burst test asserts on it and the bench reports it, so both measure the same thing the same way.
 *
 * The stand-in lives in src/standin, so the shipped bench carries it and nothing from tests/.
 */
import { rm } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { MessageFlags } from "discord.js";
import { languageOfLocale, messagesFor } from "../i18n/messages.js";
import type { Language } from "../search/language.js";
import {
  type DiscordStandIn,
  makeUser,
  type RecordedRequest,
  startDiscordStandIn,
} from "../standin/discord-standin.js";
import { startBotOnStandIn } from "../standin/standin-bot.js";
import { roundTo } from "../util/numbers.js";
import { percentile } from "./measure.js";

/** Discord drops an interaction that is not acknowledged within this time. */
export const DISCORD_ACK_LIMIT_MS = 3000;

export interface BurstQuestion {
  readonly question: string;
  /** The asker's Discord locale, which decides the reply language. */
  readonly locale: string;
}

/** Questions as people ask them, in both languages; each is answered by the shipped knowledge. */
export const BURST_QUESTIONS: readonly BurstQuestion[] = [
  { question: "Who took part in the summit?", locale: "en-US" },
  { question: "Wann ist das nächste Treffen?", locale: "de" },
  { question: "Who signed the migration agreement with Kyrgyzstan?", locale: "en-GB" },
  { question: "Was steht in der Erklärung zum Mittleren Korridor?", locale: "de" },
  { question: "What did Scholz say about Afghanistan?", locale: "en-US" },
  { question: "Welche Staatschefs waren in Berlin?", locale: "de" },
  { question: "Where and when did the summit take place?", locale: "en-US" },
  { question: "Was sagte Tokajew in seiner Rede?", locale: "de" },
  { question: "Is there cooperation on critical raw materials?", locale: "en-GB" },
  { question: "Wer unterzeichnete die Absichtserklärung mit Usbekistan?", locale: "de" },
  { question: "Did they talk about sanctions against Russia?", locale: "en-US" },
  { question: "Gab es ein Abkommen über Fachkräfte aus Usbekistan?", locale: "de" },
  { question: "What about climate and water in Central Asia?", locale: "en-US" },
  { question: "What was agreed on energy and hydrogen?", locale: "en-GB" },
];

export interface BurstOptions {
  readonly users: number;
  readonly perUser: number;
  readonly questions?: readonly BurstQuestion[];
  /** How long to wait for the last first response before counting the rest as unanswered. */
  readonly timeoutMs?: number;
}

/**
 * What the first response said: the answer itself, the cooldown notice, the overload notice,
 * something else, or nothing at all within the timeout.
 */
export type BurstReplyKind = "answer" | "cooldown" | "busy" | "other" | "none";

export interface BurstInteraction {
  readonly id: string;
  readonly userId: string;
  /** 0 for each user's first question, 1 for the second… */
  readonly round: number;
  readonly question: string;
  readonly language: Language;
  /** Dispatch to the first request for the interaction; null when none came. */
  readonly elapsedMs: number | null;
  readonly kind: BurstReplyKind;
  readonly ephemeral: boolean;
  readonly response: RecordedRequest | null;
}

export interface BurstSummary {
  readonly interactions: number;
  readonly users: number;
  readonly acknowledged: number;
  readonly acknowledgedWithinLimit: number;
  readonly answered: number;
  readonly cooledDown: number;
  readonly busy: number;
  readonly other: number;
  /** Acknowledgement latency over the interactions that got one. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Writing every interaction to the gateway socket. */
  readonly dispatchMs: number;
  /** First dispatch to the last first response. */
  readonly totalMs: number;
}

export interface BurstResult {
  readonly summary: BurstSummary;
  readonly interactions: readonly BurstInteraction[];
}

/**
 * Sends `users × perUser` `/ask` interactions in rounds (every user's first question, then every
 * user's second…) without waiting in between, then collects each one's first response.
 */
export async function runInteractionBurst(
  standIn: DiscordStandIn,
  options: BurstOptions,
): Promise<BurstResult> {
  const questions = options.questions ?? BURST_QUESTIONS;
  if (questions.length === 0) throw new Error("a burst needs at least one question");
  const timeoutMs = options.timeoutMs ?? 10_000;
  const users = Array.from({ length: options.users }, () => makeUser());
  const sent: SentInteraction[] = [];

  const started = performance.now();
  for (let round = 0; round < options.perUser; round++) {
    for (const [position, user] of users.entries()) {
      const asked = questions[(position + round) % questions.length] as BurstQuestion;
      const { id, token, dispatchedAt } = standIn.sendSlashCommand({
        name: "ask",
        options: { question: asked.question },
        user,
        locale: asked.locale,
      });
      sent.push({ id, token, dispatchedAt, userId: user.id, round, asked });
    }
  }
  const dispatchMs = performance.now() - started;

  const firstResponses = await collectFirstResponses(standIn, sent, timeoutMs);
  const interactions = sent.map(({ id, userId, round, asked, dispatchedAt }): BurstInteraction => {
    const language = languageOfLocale(asked.locale);
    const base = { id, userId, round, question: asked.question, language };
    const request = firstResponses.get(id);
    if (!request) return { ...base, elapsedMs: null, response: null, ephemeral: false, kind: "none" };
    const reply = replyOf(request);
    return {
      ...base,
      elapsedMs: request.receivedAt - dispatchedAt,
      response: request,
      ephemeral: reply.ephemeral,
      kind: classify(request, reply, language),
    };
  });
  return { summary: summarize(interactions, options.users, dispatchMs, started), interactions };
}

/** Longer than any burst lasts, so that every user's later questions meet the cooldown. */
export const BURST_USER_COOLDOWN_SECONDS = 30;

export interface BurstMeasurement extends BurstSummary {
  readonly userCooldownSeconds: number;
}

/**
 * Starts a stand-in and the real bot (reaching the stand-in through DISCORD_API_URL only), runs one
 * burst, and stops and removes everything it started.
 */
export async function measureInteractionBurst(
  options: BurstOptions & { readonly knowledgePath?: string },
): Promise<BurstMeasurement> {
  const standIn = await startDiscordStandIn();
  let dataDir: string | undefined;
  try {
    const testBot = await startBotOnStandIn(standIn, {
      COOLDOWN_USER_SECONDS: String(BURST_USER_COOLDOWN_SECONDS),
      ...(options.knowledgePath === undefined ? {} : { KNOWLEDGE_PATH: options.knowledgePath }),
    });
    dataDir = testBot.settings.DATA_DIR;
    try {
      const { summary } = await runInteractionBurst(standIn, options);
      return { ...summary, userCooldownSeconds: BURST_USER_COOLDOWN_SECONDS };
    } finally {
      await testBot.bot.stop();
    }
  } finally {
    await standIn.close();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }
}

interface SentInteraction {
  readonly id: string;
  readonly token: string;
  readonly dispatchedAt: number;
  readonly userId: string;
  readonly round: number;
  readonly asked: BurstQuestion;
}

/**
 * The first request for each interaction (its callback, or a webhook call with its token), as
 * `standIn.firstResponse` finds it. One waiter for all instead of a `firstResponse` per interaction:
 * a thousand waiters, each tested against every request, would be quadratic work on the thread the
 * bot shares with the stand-in, and inflate the very latency being measured.
 */
async function collectFirstResponses(
  standIn: DiscordStandIn,
  sent: readonly SentInteraction[],
  timeoutMs: number,
): Promise<Map<string, RecordedRequest>> {
  const ids = new Set(sent.map((interaction) => interaction.id));
  const byToken = new Map(sent.map((interaction) => [interaction.token, interaction.id]));
  const first = new Map<string, RecordedRequest>();
  const note = (request: RecordedRequest): boolean => {
    const [, root, idPart, tokenPart] = request.path.split("/");
    const id =
      root === "interactions" && ids.has(idPart ?? "")
        ? idPart
        : root === "webhooks"
          ? byToken.get(tokenPart ?? "")
          : undefined;
    if (id !== undefined && !first.has(id)) first.set(id, request);
    return first.size === sent.length;
  };
  // On a timeout the interactions still without a response are reported as such.
  await standIn.waitForRequest(note, timeoutMs).catch(() => undefined);
  return first;
}

interface ReplyContent {
  readonly embeds: number;
  readonly content: string;
  readonly ephemeral: boolean;
}

function replyOf(request: RecordedRequest): ReplyContent {
  const body = (request.body ?? {}) as { data?: { embeds?: unknown[]; content?: string; flags?: number } };
  return {
    embeds: body.data?.embeds?.length ?? 0,
    content: body.data?.content ?? "",
    ephemeral: ((body.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
  };
}

function classify(request: RecordedRequest, reply: ReplyContent, language: Language): BurstReplyKind {
  if (request.status >= 300) return "other";
  if (reply.embeds > 0) return "answer";
  const text = messagesFor(language);
  const seconds = /\d+/.exec(reply.content)?.[0];
  if (seconds !== undefined && reply.content === text.slowDown(Number(seconds))) return "cooldown";
  if (reply.content === text.busy) return "busy";
  return "other";
}

function summarize(
  interactions: readonly BurstInteraction[],
  users: number,
  dispatchMs: number,
  started: number,
): BurstSummary {
  // A response the stand-in refused (as Discord would) does not acknowledge the interaction.
  const latencies = interactions
    .flatMap((interaction) =>
      interaction.elapsedMs !== null && (interaction.response?.status ?? 500) < 300
        ? [interaction.elapsedMs]
        : [],
    )
    .sort((a, b) => a - b);
  const count = (kind: BurstReplyKind) =>
    interactions.filter((interaction) => interaction.kind === kind).length;
  const lastResponse = Math.max(
    started,
    ...interactions.map((interaction) => interaction.response?.receivedAt ?? started),
  );
  return {
    interactions: interactions.length,
    users,
    acknowledged: latencies.length,
    acknowledgedWithinLimit: latencies.filter((ms) => ms < DISCORD_ACK_LIMIT_MS).length,
    answered: count("answer"),
    cooledDown: count("cooldown"),
    busy: count("busy"),
    other: count("other"),
    p50Ms: roundTo(percentile(latencies, 0.5), 1),
    p99Ms: roundTo(percentile(latencies, 0.99), 1),
    maxMs: roundTo(latencies.at(-1) ?? 0, 1),
    dispatchMs: roundTo(dispatchMs, 1),
    totalMs: roundTo(lastResponse - started, 1),
  };
}
