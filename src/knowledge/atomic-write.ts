import { randomBytes } from "node:crypto";
import { open, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Replaces a file so that readers see either the old or the new content, never half of it: write
 * to a temporary file beside it, flush it to disk, then rename over the original.
 */
export async function writeFileAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx");
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    // A full or failing disk must not leave half-written temporary files behind.
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** What `writeFileAtomically` leaves only when the process is killed mid-write. */
const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes temporary files that a killed process left in a folder (of `name`'s, when given); returns
 * how many. A missing folder has none.
 */
export async function removeStrayTemporaryFiles(folder: string, name?: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  const stray = names.filter((entry) => TEMPORARY.test(entry) && (!name || entry.startsWith(`.${name}.`)));
  await Promise.all(stray.map((entry) => unlink(join(folder, entry)).catch(() => undefined)));
  return stray.length;
}
