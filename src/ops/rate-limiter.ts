export type CooldownScope = "user" | "channel";

export type CooldownDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly scope: CooldownScope; readonly retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Seconds between two questions from one user; 0 turns the user cooldown off. */
  readonly userSeconds: number;
  /** Seconds between two questions in one channel; 0 turns the channel cooldown off. */
  readonly channelSeconds: number;
  /** Most users (and, separately, channels) remembered at once; the oldest go first beyond it. */
  readonly maxKeys?: number;
}

export const DEFAULT_MAX_KEYS = 50_000;

const ALLOWED: CooldownDecision = { allowed: true };

/**
 * Remembers, per key, until when it is cooling down. Insertion order is expiry order (every entry
 * gets the same cooldown and is re-inserted when renewed), so expired entries sit at the front and
 * are dropped in amortised constant time: memory follows the recent traffic, not the bot's uptime.
 */
class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly cooldownMs: number,
    private readonly maxKeys: number,
  ) {}

  /** Milliseconds left for `key`, or 0 when it may go. */
  remaining(key: string, now: number): number {
    const until = this.until.get(key);
    if (until === undefined) return 0;
    const left = until - now;
    // More than a whole cooldown left means the clock went backwards (Date.now follows the wall
    // clock): honouring it could lock someone out for as long as the clock jumped.
    if (left <= 0 || left > this.cooldownMs) return 0;
    return left;
  }

  record(key: string, now: number): void {
    this.until.delete(key);
    this.until.set(key, now + this.cooldownMs);
    this.evict(now);
  }

  private evict(now: number): void {
    for (const [key, until] of this.until) {
      if (until > now && this.until.size <= this.maxKeys) break;
      // Beyond the cap an entry still cooling down goes too: a user let through a little early is
      // a smaller harm than memory growing with every new id an abuser invents.
      this.until.delete(key);
    }
  }

  get size(): number {
    return this.until.size;
  }
}

/**
 * Per-user and per-channel cooldowns between questions. A refused question does not extend the
 * cooldown, so someone who retries too early is not punished beyond the wait they were told.
 */
export class RateLimiter {
  /**
   * User cooldowns by their length: servers may set their own, and each length keeps its own
   * expiry-ordered map. A user cooling down under one length is not held by another.
   */
  private readonly users = new Map<number, Cooldowns | undefined>();
  private readonly channels: Cooldowns | undefined;
  private readonly userSeconds: number;
  private readonly maxKeys: number;

  constructor(options: RateLimiterOptions) {
    const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    if (!Number.isInteger(maxKeys) || maxKeys < 1) {
      throw new RangeError(`maxKeys must be a positive integer, got ${maxKeys}`);
    }
    this.maxKeys = maxKeys;
    this.userSeconds = options.userSeconds;
    this.usersFor(options.userSeconds);
    this.channels = cooldowns("channelSeconds", options.channelSeconds, maxKeys);
  }

  /**
   * Whether `userId` may ask now in `channelId` (null in direct messages, which have no channel
   * cooldown). Records the question only when it is allowed. The user's cooldown is reported first:
   * it is the one the asker can do something about.
   */
  check(
    userId: string,
    channelId: string | null,
    now: number = Date.now(),
    userSeconds: number = this.userSeconds,
  ): CooldownDecision {
    const decision = this.peek(userId, channelId, now, userSeconds);
    if (!decision.allowed) return decision;
    this.usersFor(userSeconds)?.record(userId, now);
    if (channelId !== null) this.channels?.record(channelId, now);
    return ALLOWED;
  }

  /**
   * What `check` would decide, without recording anything: for a question turned away for another
   * reason (overload), which must not start a cooldown for an answer never given.
   */
  peek(
    userId: string,
    channelId: string | null,
    now: number = Date.now(),
    userSeconds: number = this.userSeconds,
  ): CooldownDecision {
    const userLeft = this.usersFor(userSeconds)?.remaining(userId, now) ?? 0;
    if (userLeft > 0) return refused("user", userLeft);
    const channelLeft = channelId === null ? 0 : (this.channels?.remaining(channelId, now) ?? 0);
    if (channelLeft > 0) return refused("channel", channelLeft);
    return ALLOWED;
  }

  /** Users and channels currently remembered. */
  get trackedKeys(): { readonly users: number; readonly channels: number } {
    let users = 0;
    for (const cooldown of this.users.values()) users += cooldown?.size ?? 0;
    return { users, channels: this.channels?.size ?? 0 };
  }

  private usersFor(seconds: number): Cooldowns | undefined {
    if (!this.users.has(seconds)) this.users.set(seconds, cooldowns("userSeconds", seconds, this.maxKeys));
    return this.users.get(seconds);
  }
}

function cooldowns(name: string, seconds: number, maxKeys: number): Cooldowns | undefined {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`${name} must be a number of seconds ≥ 0, got ${seconds}`);
  }
  return seconds === 0 ? undefined : new Cooldowns(seconds * 1000, maxKeys);
}

function refused(scope: CooldownScope, leftMs: number): CooldownDecision {
  // Rounded up: "try again in 0 s" or a retry that arrives a fraction early would be refused again.
  return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(leftMs / 1000)) };
}
