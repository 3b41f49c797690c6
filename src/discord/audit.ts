import { type Client, escapeMarkdown } from "discord.js";
import type { AuditEvent } from "../app/knowledge-service.js";
import type { Logger } from "../logging/logger.js";
import { type MessageWithDiff, messageWithDiff } from "./render/diff-view.js";
import { diffLine, issuesBlock, versionLabel } from "./render/knowledge-view.js";
import { DiscordLimits } from "./render/limits.js";

/** The audit channel is read by the moderators together, not by one locale: its lines stay English. */
const AUDIT_LANGUAGE = "en";

/** One audit message: who did what, when, from which version to which, and the diff or the errors. */
export function auditMessage(event: AuditEvent): MessageWithDiff {
  const who = escapeMarkdown(event.actor);
  const when = `<t:${Math.floor(event.at.getTime() / 1000)}:f>`;
  const { change } = event;
  switch (change.kind) {
    case "applied":
      return messageWithDiff(
        `📚 Knowledge ${event.action} by ${who} at ${when}: ${versionLabel(change.before, AUDIT_LANGUAGE)} → ${versionLabel(change.after, AUDIT_LANGUAGE)}\n${diffLine(change.diff)}`,
        change.diff,
      );
    case "rejected": {
      const heading = `⚠️ Knowledge ${event.action} by ${who} at ${when} rejected; the previous knowledge stays in use:`;
      return {
        content: `${heading}\n${issuesBlock(change.issues, DiscordLimits.content - heading.length - 1, AUDIT_LANGUAGE)}`,
        files: [],
      };
    }
    case "unchanged":
      return { content: "", files: [] };
  }
}

/** Sends audit events to AUDIT_CHANNEL_ID; a failure to send is logged, never thrown. */
export function auditToChannel(
  client: Client,
  channelId: string,
  logger: Logger,
): (event: AuditEvent) => void {
  return (event) => {
    const { content, files } = auditMessage(event);
    if (content === "") return;
    void (async () => {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable())
        throw new Error("the audit channel is not a text channel the bot can post in");
      await channel.send({ content, files, allowedMentions: { parse: [] } });
    })().catch((error: unknown) =>
      logger.warn({ err: error, channelId }, "could not post to the audit channel"),
    );
  };
}
