/**
 * Mentions in a question name people, roles and channels by id. The README promises that user ids
 * are never stored, and `forget-user` could not find a person only mentioned, so they are replaced
 * by placeholders before anything is stored.
 */
export function scrubMentions(text: string): string {
  return text
    .replace(/<@!?\d+>/g, "@user")
    .replace(/<@&\d+>/g, "@role")
    .replace(/<#\d+>/g, "#channel")
    .replace(/<\/[^:>]+:\d+>/g, "/command");
}

/** Rows stored before scrubbing existed: only the few holding a mention are rewritten. */
export const MENTION_LIKE = ["%<@%", "%<#%", "%</%"] as const;
