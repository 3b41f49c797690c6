import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from "discord.js";
import { type GapPreview, type GapProposal, gapQuestion } from "../../app/gap-actions.js";
import type { Gap, GapsReport } from "../../feedback/feedback-store.js";
import { messagesFor } from "../../i18n/messages.js";
import type { Statement } from "../../knowledge/knowledge-set.js";
import type { Language } from "../../search/language.js";
import { gapIds } from "../commands/knowledge-gap-ids.js";
import { type FileAttachment, messageWithDiff } from "./diff-view.js";
import { DiscordLimits, safeText, truncate } from "./limits.js";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** The text input of the out-of-scope modal. */
export const PHRASE_FIELD = "phrase";

/** Under `/knowledge gaps`: a menu of the listed gaps, each opening its actions. */
export function gapPickerRow(report: GapsReport, language: Language): Row[] {
  const text = messagesFor(language);
  const options = [
    ...report.unanswered.map((group) => ({
      label: truncate(`${group.count}× ${flat(group.examples[0] ?? "")}`, DiscordLimits.selectLabel),
      description: truncate(
        group.bestCandidate
          ? `${group.id} · ${text.gapNearest(group.bestCandidate.id).replaceAll("`", "")}`
          : group.id,
        DiscordLimits.selectDescription,
      ),
      value: group.id,
    })),
    ...report.downVoted.map((entry) => ({
      label: truncate(
        `👎 ${entry.downVotes} ${flat(entry.examples[0] ?? entry.statementId)}`,
        DiscordLimits.selectLabel,
      ),
      description: truncate(
        `${entry.id} · ${text.gapDownVoted(entry.statementId)}`,
        DiscordLimits.selectDescription,
      ),
      value: entry.id,
    })),
  ].slice(0, DiscordLimits.selectOptions);
  if (options.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: gapIds.encode({ kind: "gap-pick", language }),
          placeholder: text.gapsActPlaceholder,
          options,
        },
      ],
    },
  ];
}

/**
 * One gap and what can be done about it: a menu of the nearest statements to teach it to,
 * Out of scope and Dismiss; the hint names the search for a statement the menu lacks.
 */
export function gapActionsReply(
  gap: Gap,
  nearest: readonly Statement[],
  language: Language,
): { content: string; components: Row[] } {
  const text = messagesFor(language);
  const id = gap.kind === "unanswered" ? gap.group.id : gap.entry.id;
  const question = safeText(gapQuestion(gap), 200);
  const lines =
    gap.kind === "unanswered"
      ? [
          text.gapHeading(gap.group.count, question),
          ...(gap.group.bestCandidate ? [text.gapNearest(gap.group.bestCandidate.id)] : []),
        ]
      : [`👎 ${gap.entry.downVotes} “${question}”`, text.gapWronglyAnswered(gap.entry.statementId)];
  const teachMenu: Row[] =
    nearest.length === 0
      ? []
      : [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.StringSelect,
                custom_id: gapIds.encode({ kind: "gap-teach", language, gap: id }),
                placeholder: text.gapTeachPlaceholder,
                options: nearest.slice(0, DiscordLimits.selectOptions).map((statement) => ({
                  label: truncate(statement.id, DiscordLimits.selectLabel),
                  description: truncate(flat(statement[language]), DiscordLimits.selectDescription),
                  value: statement.id,
                })),
              },
            ],
          },
        ];
  return {
    content: truncate([...lines, "", text.gapTeachHint(id)].join("\n"), DiscordLimits.content),
    components: [
      ...teachMenu,
      buttonRow([
        [ButtonStyle.Secondary, gapIds.encode({ kind: "gap-scope", language, gap: id }), text.gapOutOfScope],
        [ButtonStyle.Danger, gapIds.encode({ kind: "gap-dismiss", language, gap: id }), text.gapDismiss],
      ]),
    ],
  };
}

/** The modal for an out-of-scope entry, prefilled with the question's rarest words. */
export function outOfScopeModal(
  gapId: string,
  prefill: string,
  language: Language,
): APIModalInteractionResponseCallbackData {
  const text = messagesFor(language);
  return {
    custom_id: gapIds.encode({ kind: "gap-phrase", language, gap: gapId }),
    title: text.gapModalTitle,
    components: [
      {
        type: ComponentType.Label,
        label: text.gapModalLabel,
        description: text.gapModalHint,
        component: {
          type: ComponentType.TextInput,
          custom_id: PHRASE_FIELD,
          style: TextInputStyle.Short,
          min_length: 1,
          max_length: 100,
          required: true,
          ...(prefill === "" ? {} : { value: prefill }),
        },
      },
    ],
  };
}

/** The change an action would make, with check's warnings, and Apply / Cancel. */
export function gapPreviewReply(
  proposal: GapProposal,
  preview: Extract<GapPreview, { ok: true }>,
  pendingId: string,
  language: Language,
): { content: string; files: FileAttachment[]; components: Row[] } {
  const text = messagesFor(language);
  const shown = safeText(proposal.kind === "dismiss" ? gapQuestion(preview.gap) : preview.text, 200);
  const heading = [
    proposal.kind === "teach"
      ? text.gapTeachPreview(shown, proposal.statementId)
      : proposal.kind === "out-of-scope"
        ? text.gapOutOfScopePreview(shown)
        : text.gapDismissPreview(shown),
    ...(proposal.kind === "teach" && preview.wrongStatementId
      ? [text.gapWronglyAnswered(preview.wrongStatementId)]
      : []),
    ...preview.overlaps.map((overlap) =>
      text.gapOverlapWarning(overlap.entry, overlap.term, overlap.statements),
    ),
  ].join("\n");
  const question = text.gapConfirmQuestion;
  const body = preview.diff
    ? messageWithDiff(heading, preview.diff, DiscordLimits.content - question.length - 1)
    : { content: heading, files: [] };
  return {
    content: `${body.content}\n${question}`,
    files: body.files,
    components: [
      buttonRow([
        [
          ButtonStyle.Success,
          gapIds.encode({ kind: "gap-apply", language, pending: pendingId }),
          text.confirm,
        ],
        [
          ButtonStyle.Secondary,
          gapIds.encode({ kind: "gap-cancel", language, pending: pendingId }),
          text.cancel,
        ],
      ]),
    ],
  };
}

function buttonRow(
  buttons: readonly [ButtonStyle.Success | ButtonStyle.Secondary | ButtonStyle.Danger, string, string][],
): Row {
  return {
    type: ComponentType.ActionRow,
    components: buttons.map(([style, custom_id, label]) => ({
      type: ComponentType.Button,
      style,
      custom_id,
      label,
    })),
  };
}

/** Select menu texts are one line. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
