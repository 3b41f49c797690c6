import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/ops/rate-limiter.js";
import { WorkLimiter } from "../../src/ops/work-limiter.js";

const T0 = 1_700_000_000_000;

describe("RateLimiter", () => {
  it("uses the length a server set for its users, apart from the default", () => {
    const limiter = new RateLimiter({ userSeconds: 3, channelSeconds: 0 });
    expect(limiter.check("u1", "c1", T0, 30)).toEqual({ allowed: true });
    expect(limiter.check("u1", "c1", T0 + 10_000, 30)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 20,
    });
    // The same user in a server on the default length is not held by the other server's cooldown.
    expect(limiter.check("u1", "c2", T0 + 10_000)).toEqual({ allowed: true });
    expect(limiter.check("u1", "c2", T0 + 11_000)).toMatchObject({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.check("u1", "c1", T0 + 30_000, 30)).toEqual({ allowed: true });
    expect(limiter.check("u2", "c1", T0, 0)).toEqual({ allowed: true });
    expect(limiter.check("u2", "c1", T0, 0)).toEqual({ allowed: true });
    // u1 is remembered under both lengths; u2 under none (a cooldown of 0 keeps nothing).
    expect(limiter.trackedKeys.users).toBe(2);
  });

  it("cools a user down, and a refusal does not extend the wait", () => {
    const limiter = new RateLimiter({ userSeconds: 3, channelSeconds: 0 });
    expect(limiter.check("ana", "c1", T0)).toEqual({ allowed: true });
    expect(limiter.check("ana", "c2", T0 + 1000)).toEqual({
      allowed: false,
      scope: "user",
      retryAfterSeconds: 2,
    });
    expect(limiter.check("ana", "c1", T0 + 2999)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.check("ana", "c1", T0 + 3000)).toEqual({ allowed: true });
    // Another user, same channel: the channel cooldown is off.
    expect(limiter.check("ben", "c1", T0 + 3000)).toEqual({ allowed: true });
  });

  it("rounds the wait up, never to 0", () => {
    const limiter = new RateLimiter({ userSeconds: 2.5, channelSeconds: 0 });
    limiter.check("ana", null, T0);
    expect(limiter.check("ana", null, T0 + 1)).toMatchObject({ retryAfterSeconds: 3 });
    expect(limiter.check("ana", null, T0 + 499)).toMatchObject({ retryAfterSeconds: 3 });
    expect(limiter.check("ana", null, T0 + 500)).toMatchObject({ retryAfterSeconds: 2 });
    expect(limiter.check("ana", null, T0 + 2499)).toMatchObject({ retryAfterSeconds: 1 });
    expect(limiter.check("ana", null, T0 + 2500)).toEqual({ allowed: true });
  });

  it("cools a channel down across users, but not direct messages", () => {
    const limiter = new RateLimiter({ userSeconds: 0, channelSeconds: 10 });
    expect(limiter.check("ana", "c1", T0)).toEqual({ allowed: true });
    expect(limiter.check("ben", "c1", T0 + 4000)).toEqual({
      allowed: false,
      scope: "channel",
      retryAfterSeconds: 6,
    });
    expect(limiter.check("ben", "c2", T0 + 4000)).toEqual({ allowed: true });
    expect(limiter.check("ben", null, T0 + 4000)).toEqual({ allowed: true });
    expect(limiter.check("ana", null, T0 + 4001)).toEqual({ allowed: true });
    expect(limiter.check("cem", "c1", T0 + 10_000)).toEqual({ allowed: true });
  });

  it("reports the user's cooldown first, and a refused channel does not start the user's", () => {
    const limiter = new RateLimiter({ userSeconds: 3, channelSeconds: 10 });
    limiter.check("ana", "c1", T0);
    expect(limiter.check("ana", "c1", T0 + 1000)).toMatchObject({ allowed: false, scope: "user" });
    expect(limiter.check("ben", "c1", T0 + 1000)).toMatchObject({ allowed: false, scope: "channel" });
    // ben was refused, so nothing was recorded for him: he may ask elsewhere at once.
    expect(limiter.check("ben", "c2", T0 + 1001)).toEqual({ allowed: true });
  });

  it("peeks at a decision without starting a cooldown", () => {
    const limiter = new RateLimiter({ userSeconds: 3, channelSeconds: 10 });
    expect(limiter.peek("ana", "c1", T0)).toEqual({ allowed: true });
    expect(limiter.peek("ana", "c1", T0)).toEqual({ allowed: true });
    expect(limiter.trackedKeys).toEqual({ users: 0, channels: 0 });
    limiter.check("ana", "c1", T0);
    expect(limiter.peek("ana", "c2", T0 + 1000)).toEqual(limiter.check("ana", "c2", T0 + 1000));
    expect(limiter.peek("ben", "c1", T0 + 1000)).toMatchObject({ allowed: false, scope: "channel" });
  });

  it("with both cooldowns at 0 allows everything and remembers nothing", () => {
    const limiter = new RateLimiter({ userSeconds: 0, channelSeconds: 0 });
    for (let i = 0; i < 100; i += 1) expect(limiter.check("ana", "c1", T0).allowed).toBe(true);
    expect(limiter.trackedKeys).toEqual({ users: 0, channels: 0 });
  });

  it("forgets expired entries and never tracks more keys than its cap", () => {
    const limiter = new RateLimiter({ userSeconds: 5, channelSeconds: 5, maxKeys: 100 });
    for (let i = 0; i < 1000; i += 1) limiter.check(`user-${i}`, `channel-${i}`, T0);
    expect(limiter.trackedKeys).toEqual({ users: 100, channels: 100 });
    // The newest are the ones kept.
    expect(limiter.check("user-999", null, T0 + 1).allowed).toBe(false);
    expect(limiter.check("user-0", null, T0 + 1).allowed).toBe(true);

    // Once the cooldown has passed, the next question sweeps the expired entries out.
    limiter.check("late", "late", T0 + 5001);
    expect(limiter.trackedKeys).toEqual({ users: 1, channels: 1 });
  });

  it("does not lock anyone out when the wall clock jumps back", () => {
    const limiter = new RateLimiter({ userSeconds: 3, channelSeconds: 0 });
    limiter.check("ana", null, T0);
    expect(limiter.check("ana", null, T0 - 3_600_000)).toEqual({ allowed: true });
  });

  it("rejects nonsense settings", () => {
    expect(() => new RateLimiter({ userSeconds: -1, channelSeconds: 0 })).toThrow(/userSeconds/);
    expect(() => new RateLimiter({ userSeconds: 0, channelSeconds: Number.NaN })).toThrow(/channelSeconds/);
    expect(() => new RateLimiter({ userSeconds: 1, channelSeconds: 1, maxKeys: 0 })).toThrow(/maxKeys/);
  });

  it("never lets a user or a channel through twice within its cooldown, and refuses only then", () => {
    const event = fc.record({
      user: fc.constantFrom("u1", "u2", "u3", "u4"),
      channel: fc.option(fc.constantFrom("c1", "c2", "c3"), { nil: null }),
      step: fc.nat({ max: 4000 }),
    });
    fc.assert(
      fc.property(
        fc.nat({ max: 5 }),
        fc.nat({ max: 5 }),
        fc.array(event, { maxLength: 200 }),
        (userSeconds, channelSeconds, events) => {
          const limiter = new RateLimiter({ userSeconds, channelSeconds });
          const lastUser = new Map<string, number>();
          const lastChannel = new Map<string, number>();
          let now = T0;
          for (const { user, channel, step } of events) {
            now += step;
            const decision = limiter.check(user, channel, now);
            const userAgo = now - (lastUser.get(user) ?? Number.NEGATIVE_INFINITY);
            const channelAgo =
              channel === null
                ? Number.POSITIVE_INFINITY
                : now - (lastChannel.get(channel) ?? Number.NEGATIVE_INFINITY);
            const coolingUser = userAgo < userSeconds * 1000;
            const coolingChannel = channelAgo < channelSeconds * 1000;
            expect(decision.allowed).toBe(!coolingUser && !coolingChannel);
            if (decision.allowed) {
              lastUser.set(user, now);
              if (channel !== null) lastChannel.set(channel, now);
            } else {
              const left =
                decision.scope === "user" ? userSeconds * 1000 - userAgo : channelSeconds * 1000 - channelAgo;
              expect(decision.scope).toBe(coolingUser ? "user" : "channel");
              expect(decision.retryAfterSeconds).toBe(Math.ceil(left / 1000));
              expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
            }
          }
        },
      ),
    );
  });
});

describe("WorkLimiter", () => {
  it("refuses at its bound and frees a slot on release, once", () => {
    const limiter = new WorkLimiter(2);
    const first = limiter.tryAcquire();
    const second = limiter.tryAcquire();
    expect(first).toBeTypeOf("function");
    expect(second).toBeTypeOf("function");
    expect(limiter.inFlight).toBe(2);
    expect(limiter.tryAcquire()).toBeUndefined();
    expect(limiter.inFlight).toBe(2);

    first?.();
    first?.();
    expect(limiter.inFlight).toBe(1);
    const third = limiter.tryAcquire();
    expect(third).toBeTypeOf("function");
    expect(limiter.tryAcquire()).toBeUndefined();

    second?.();
    third?.();
    expect(limiter.inFlight).toBe(0);
    expect(limiter.max).toBe(2);
  });

  it("under a burst takes exactly its bound and turns the rest away at once", async () => {
    const limiter = new WorkLimiter(8);
    let busy = 0;
    let peak = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const release = limiter.tryAcquire();
        if (!release) return "busy";
        try {
          busy += 1;
          peak = Math.max(peak, busy);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return "answered";
        } finally {
          busy -= 1;
          release();
        }
      }),
    );
    expect(outcomes.filter((outcome) => outcome === "answered")).toHaveLength(8);
    expect(peak).toBe(8);
    expect(limiter.inFlight).toBe(0);
  });

  it("rejects a bound that is not a positive integer", () => {
    expect(() => new WorkLimiter(0)).toThrow(RangeError);
    expect(() => new WorkLimiter(1.5)).toThrow(RangeError);
  });
});
