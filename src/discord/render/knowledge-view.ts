import { ButtonStyle, ComponentType } from "discord.js";
import type { KnowledgeChange, Rejection } from "../../app/knowledge-service.js";
import type { GapsReport } from "../../feedback/feedback-store.js";
import { messagesFor } from "../../i18n/messages.js";
import { type KnowledgeDiff, summarizeDiff } from "../../knowledge/diff.js";
import type { HistoryEntry } from "../../knowledge/history.js";
import { formatIssue, type KnowledgeIssue } from "../../knowledge/issues.js";
import { type KnowledgeSet, shortHash } from "../../knowledge/knowledge-set.js";
import type { Language } from "../../search/language.js";
import { knowledgeUploadIds } from "../commands/knowledge-ids.js";
import { DiscordLimits, safeText, truncate } from "./limits.js";
import { ACCENT_COLOR, type ReplyPayload } from "./reply.js";

/** Discord renders `<t:…:R>` as "3 minutes ago" in each reader's own language and time zone. */
export function discordTime(date: Date): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:R>`;
}

export function versionLabel(knowledge: KnowledgeSet, language: Language): string {
  return messagesFor(language).versionWithSize(
    safeText(knowledge.document.version, 100),
    shortHash(knowledge.hash),
    knowledge.statements.length,
  );
}

/** Errors as the moderator must see them: every one, `file:line:column field — message`, in a code block. */
export function issuesBlock(issues: readonly KnowledgeIssue[], budget: number, language: Language): string {
  const lines: string[] = [];
  let used = 8;
  for (const [position, issue] of issues.entries()) {
    const line = formatIssue(issue).replaceAll("`", "'");
    if (used + line.length + 1 > budget) {
      lines.push(messagesFor(language).moreIssues(issues.length - position));
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return `\`\`\`\n${lines.join("\n")}\n\`\`\``;
}

export function rejectionContent(issues: readonly KnowledgeIssue[], language: Language): string {
  const heading = messagesFor(language).changeRejected(issues.length);
  return `${heading}\n${issuesBlock(issues, DiscordLimits.content - heading.length - 1, language)}`;
}

export function diffLine(diff: KnowledgeDiff): string {
  return truncate(summarizeDiff(diff), 1200);
}

export function statusReply(
  knowledge: KnowledgeSet,
  rejection: Rejection | undefined,
  language: Language,
  shards?: readonly string[],
): ReplyPayload {
  const text = messagesFor(language);
  const lines = [
    `**${versionLabel(knowledge, language)}**`,
    `${knowledge.topics.length} ${text.topicsTitle.toLowerCase()} · sha256 \`${knowledge.hash.slice(0, 16)}\``,
    text.knowledgeLoaded(discordTime(knowledge.loadedAt), knowledge.origin),
    ...(shards ?? []),
    "",
    rejection ? text.lastRejection(discordTime(rejection.at), rejection.actor) : text.noRejection,
  ];
  const description = lines.join("\n");
  return {
    embeds: [
      {
        color: ACCENT_COLOR,
        title: text.knowledgeStatusTitle,
        description: rejection
          ? `${description}\n${issuesBlock(rejection.issues, DiscordLimits.embedDescription - description.length - 2, language)}`
          : description,
      },
    ],
  };
}

export function uploadPreviewReply(
  candidate: KnowledgeSet,
  diff: KnowledgeDiff,
  uploadId: string,
  language: Language,
): ReplyPayload {
  const text = messagesFor(language);
  return {
    content: truncate(
      `${text.uploadValid(candidate.statements.length, candidate.topics.length, diffLine(diff))}\n${text.uploadConfirmQuestion}`,
      DiscordLimits.content,
    ),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            custom_id: knowledgeUploadIds.encode({ kind: "knowledge-confirm", language, upload: uploadId }),
            label: text.confirm,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: knowledgeUploadIds.encode({ kind: "knowledge-cancel", language, upload: uploadId }),
            label: text.cancel,
          },
        ],
      },
    ],
  };
}

export function historyReply(
  entries: readonly HistoryEntry[],
  current: KnowledgeSet,
  language: Language,
): ReplyPayload {
  const text = messagesFor(language);
  if (entries.length === 0) return { content: text.historyEmpty };
  const lines = entries.slice(0, 20).map((entry) => {
    const marker = current.hash.startsWith(entry.version) ? ` ← ${text.historyCurrent}` : "";
    return `\`${entry.version}\` ${discordTime(entry.savedAt)} · ${text.bytes(entry.bytes)}${marker}`;
  });
  return {
    embeds: [
      {
        color: ACCENT_COLOR,
        title: text.historyTitle,
        description: truncate(lines.join("\n"), DiscordLimits.embedDescription),
      },
    ],
  };
}

/** The knowledge gaps as an embed: the most frequent unanswered questions, then the answers voted down. */
export function gapsReply(report: GapsReport, language: Language): ReplyPayload {
  const text = messagesFor(language);
  if (report.unanswered.length === 0 && report.downVoted.length === 0) return { content: text.gapsEmpty };
  const unanswered = report.unanswered.map(
    (group) =>
      `**${group.count}×** ${group.examples.map((example) => `“${safeText(example, 90)}”`).join(" · ")}${group.bestCandidate ? ` → \`${group.bestCandidate.id}\`` : ""}`,
  );
  const downVoted = report.downVoted.map(
    (statement) => `\`${statement.statementId}\` 👎 ${statement.downVotes} 👍 ${statement.upVotes}`,
  );
  const field = (name: string, lines: string[]) =>
    lines.length > 0 ? [{ name, value: truncate(lines.join("\n"), DiscordLimits.embedFieldValue) }] : [];
  return {
    embeds: [
      {
        color: ACCENT_COLOR,
        title: report.guildId === undefined ? text.gapsTitle : text.gapsTitleForServer(report.guildId),
        fields: [...field(text.gapsUnanswered, unanswered), ...field(text.gapsDownVoted, downVoted)],
      },
    ],
  };
}

/** The reply to any change: old → new with the diff, "nothing to do", or every error. */
export function changeMessage(change: KnowledgeChange, language: Language): string {
  const text = messagesFor(language);
  switch (change.kind) {
    case "applied":
      return truncate(
        text.reloadApplied(
          versionLabel(change.before, language),
          versionLabel(change.after, language),
          diffLine(change.diff),
        ),
        DiscordLimits.content,
      );
    case "unchanged":
      return text.reloadUnchanged;
    case "rejected":
      return rejectionContent(change.issues, language);
  }
}
