import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { untilStopSignal } from "../../src/cli/stop-signals.js";
import { createLogger } from "../../src/logging/logger.js";
import { CapturedStream } from "../support/capture.js";

describe("stopping on a signal", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const logs = new CapturedStream();
    const stopping = untilStopSignal({
      logger: createLogger("info", logs),
      deadlineMs: 9_000,
      exit: (code) => exits.push(code),
      process: signals as unknown as NodeJS.Process,
    });
    return { signals, exits, logs, stopping };
  }

  it("resolves on the first SIGTERM or SIGINT and ends the process with 0 at the deadline", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const { signals, exits, logs, stopping } = setUp();
      signals.emit(signal, signal);
      await expect(stopping).resolves.toBe(signal);
      expect(logs.text).toContain(`"signal":"${signal}","msg":"shutting down"`);
      vi.advanceTimersByTime(8_999);
      expect(exits).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(exits).toEqual([0]);
      expect(logs.text).toContain("shutdown did not finish in time");
    }
  });

  it("ends at once on a second signal, as a shell reports it", async () => {
    const { signals, exits, stopping } = setUp();
    signals.emit("SIGINT", "SIGINT");
    await stopping;
    signals.emit("SIGINT", "SIGINT");
    expect(exits).toEqual([130]);
    signals.emit("SIGTERM", "SIGTERM");
    expect(exits).toEqual([130, 143]);
  });
});
