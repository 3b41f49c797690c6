import { ButtonStyle, ComponentType } from "discord.js";
import type { KnowledgeChange, Rejection } from "../../app/knowledge-service.js";
import type { GapsReport } from "../../feedback/feedback-store.js";
import { messagesFor } from "../../i18n/messages.js";
import { type KnowledgeDiff, summarizeDiff, versionUnchanged } from "../../knowledge/diff.js";
import { formatIssue, type KnowledgeIssue } from "../../knowledge/issues.js";
import { type KnowledgeSet, shortHash } from "../../knowledge/knowledge-set.js";
import { historyRows, type ServedVersion } from "../../knowledge/served-line.js";
import type { Language } from "../../search/language.js";
import { knowledgeUploadIds } from "../commands/knowledge-ids.js";
import { type FileAttachment, type MessageWithDiff, messageWithDiff } from "./diff-view.js";
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
  current: KnowledgeSet,
  candidate: KnowledgeSet,
  diff: KnowledgeDiff,
  uploadId: string,
  language: Language,
): ReplyPayload & { files: FileAttachment[] } {
  const text = messagesFor(language);
  const { content, files } = changePreview(current, candidate, diff, text.uploadConfirmQuestion, language);
  return {
    content,
    files,
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

/**
 * A valid file before it is applied: its size, what it changes field by field, a warning when
 * statements changed but `version` did not, and `question` (e.g. "Apply it now?") last.
 */
export function changePreview(
  current: KnowledgeSet,
  candidate: KnowledgeSet,
  diff: KnowledgeDiff,
  question: string,
  language: Language,
): MessageWithDiff {
  const text = messagesFor(language);
  const heading = [
    text.uploadValid(candidate.statements.length, candidate.topics.length, diffLine(diff)),
    ...(versionUnchanged(current, candidate, diff)
      ? [text.versionUnchanged(candidate.document.version)]
      : []),
  ].join("\n");
  const withDiff = messageWithDiff(heading, diff, DiscordLimits.content - question.length - 1);
  return {
    content: question === "" ? withDiff.content : `${withDiff.content}\n${question}`,
    files: withDiff.files,
  };
}

/** The versions in served order, newest first: name, hash, when, by whom; the current one marked. */
export function historyReply(
  line: readonly ServedVersion[],
  current: KnowledgeSet,
  language: Language,
): ReplyPayload {
  const text = messagesFor(language);
  if (line.length === 0) return { content: text.historyEmpty };
  const lines = historyRows(line, current.hash)
    .slice(0, 20)
    .map((row) => {
      const name = row.name === "" ? "" : `**${safeText(row.name, 40)}** `;
      const who =
        row.actor === "" ? "" : ` · ${safeText(row.actor, 60)}${row.action === "" ? "" : ` (${row.action})`}`;
      const marker = row.current ? ` ← **${text.historyCurrent}**` : "";
      return `${name}\`${row.version}\` ${discordTime(new Date(row.at))}${who}${marker}`;
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
      `\`${group.id}\` **${group.count}×** ${group.examples.map((example) => `“${safeText(example, 90)}”`).join(" · ")}${group.bestCandidate ? ` → \`${group.bestCandidate.id}\`` : ""}`,
  );
  const downVoted = report.downVoted.map(
    (statement) =>
      `\`${statement.id}\` \`${statement.statementId}\` 👎 ${statement.downVotes} 👍 ${statement.upVotes}`,
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

/**
 * The reply to any change: old → new with what changed field by field (the whole diff attached
 * when long), "nothing to do", or every error.
 */
export function changeReply(change: KnowledgeChange, language: Language): MessageWithDiff {
  const text = messagesFor(language);
  switch (change.kind) {
    case "applied": {
      const heading = [
        text.reloadApplied(
          versionLabel(change.before, language),
          versionLabel(change.after, language),
          diffLine(change.diff),
        ),
        ...(versionUnchanged(change.before, change.after, change.diff)
          ? [text.versionUnchanged(change.after.document.version)]
          : []),
      ].join("\n");
      return messageWithDiff(heading, change.diff);
    }
    case "unchanged":
      return { content: text.reloadUnchanged, files: [] };
    case "rejected":
      return { content: rejectionContent(change.issues, language), files: [] };
  }
}
