/**
 * The connection settings of the feedback database, as plain data so that the crash test's child
 * process (plain JavaScript, which cannot import TypeScript) applies exactly these and no copy.
 *
 * - WAL: readers never block the writer, and a commit is one append to the log, so a process
 *   killed mid-write leaves at most an incomplete last frame, which recovery discards.
 * - synchronous = FULL rather than NORMAL: in WAL mode NORMAL already survives a killed process
 *   (committed frames sit in the OS page cache, which outlives the process), but may lose the last
 *   commits on power loss or a kernel crash. The bot thanks people for a vote once it is stored, so
 *   we want "stored" to mean on disk; at a few writes a minute the fsync per commit costs nothing
 *   noticeable.
 * - busy_timeout: with SHARDS every shard process opens the same file; a writer waits for another's
 *   short transaction instead of failing with SQLITE_BUSY.
 */
export const FEEDBACK_PRAGMAS: readonly string[] = [
  "journal_mode = WAL",
  "synchronous = FULL",
  "busy_timeout = 5000",
];
