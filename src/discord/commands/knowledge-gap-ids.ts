import type { Language } from "../../search/language.js";
import { type IdCodec, isLanguage } from "../custom-ids.js";

/**
 * The ids of the actions on `/knowledge gaps`: a menu to pick a gap; on a gap, a menu of
 * statements to teach it to, Out of scope (a modal) and Dismiss; Apply or Cancel under each
 * preview. Gaps are named by their id in the report; a preview waits in memory under its own.
 */
export type GapId =
  | { kind: "gap-pick"; language: Language }
  | { kind: "gap-teach"; language: Language; gap: string }
  | { kind: "gap-scope"; language: Language; gap: string }
  | { kind: "gap-phrase"; language: Language; gap: string }
  | { kind: "gap-dismiss"; language: Language; gap: string }
  | { kind: "gap-apply"; language: Language; pending: string }
  | { kind: "gap-cancel"; language: Language; pending: string };

const ON_GAP = {
  teach: "gap-teach",
  scope: "gap-scope",
  phrase: "gap-phrase",
  dismiss: "gap-dismiss",
} as const;
const ON_PENDING = { apply: "gap-apply", cancel: "gap-cancel" } as const;

export const gapIds: IdCodec<GapId> = {
  scope: "gap",
  encode(id: GapId): string {
    const action = id.kind.slice("gap-".length);
    if (id.kind === "gap-pick") return `gap:pick:${id.language}`;
    return `gap:${action}:${id.language}:${"gap" in id ? id.gap : id.pending}`;
  },
  decode(parts: readonly string[]): GapId | undefined {
    const [scope, action, language, value] = parts;
    if (scope !== "gap" || !isLanguage(language)) return undefined;
    if (action === "pick") return parts.length === 3 ? { kind: "gap-pick", language } : undefined;
    if (parts.length !== 4 || value === undefined) return undefined;
    if (action !== undefined && Object.hasOwn(ON_GAP, action)) {
      if (!/^[0-9a-f]{8}$/.test(value)) return undefined;
      return { kind: ON_GAP[action as keyof typeof ON_GAP], language, gap: value };
    }
    if (action !== undefined && Object.hasOwn(ON_PENDING, action)) {
      if (!/^[0-9a-f]{16}$/.test(value)) return undefined;
      return { kind: ON_PENDING[action as keyof typeof ON_PENDING], language, pending: value };
    }
    return undefined;
  },
};
