/** Gives back one slot; calling it again does nothing. */
export type Release = () => void;

/**
 * A bound on questions worked on at once. There is deliberately no queue: under a burst the caller
 * answers "busy" at once, which keeps every interaction acknowledged within Discord's 3 s instead
 * of letting a backlog grow until all of them time out.
 */
export class WorkLimiter {
  private active = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) {
      throw new RangeError(`max must be a positive integer, got ${max}`);
    }
  }

  /** A release function when a slot is free, otherwise undefined. Release in a `finally`. */
  tryAcquire(): Release | undefined {
    if (this.active >= this.max) return undefined;
    this.active += 1;
    let released = false;
    return () => {
      // A double release (e.g. from both an error path and a finally) must not free a slot that
      // another question holds.
      if (released) return;
      released = true;
      this.active -= 1;
    };
  }

  get inFlight(): number {
    return this.active;
  }
}
