/**
 * Waits for `work` at most `ms`: "done" when it settled in time (a rejection counts, it is over),
 * "late" otherwise. The work is not cancelled; the caller goes on without it.
 */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<"done" | "late"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
    timer.unref();
  });
  const done = work.then(
    () => "done" as const,
    () => "done" as const,
  );
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}
