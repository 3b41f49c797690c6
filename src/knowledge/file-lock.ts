import { open, stat, unlink } from "node:fs/promises";

const RETRY_MS = 25;
const WAIT_MS = 10_000;
/** A lock older than this was left by a process that died holding it. */
const STALE_MS = 30_000;

/**
 * Runs `task` while holding `path` as a lock file, so that edits from several processes (shards,
 * a shell command beside the bot) read, change and write the knowledge file one after another
 * instead of overwriting each other.
 */
export async function withFileLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = await stat(path).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > STALE_MS) await unlink(path).catch(() => undefined);
      else if (Date.now() > deadline) throw new Error(`${path} is held by another process`);
      else await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    return await task();
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
