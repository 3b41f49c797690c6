import type { Language } from "../../search/language.js";
import { type IdCodec, isLanguage } from "../custom-ids.js";

/**
 * The delete button under /privacy. It names no user: whoever clicks deletes their own data, so a
 * copied or forged id cannot reach anyone else's.
 */
export interface PrivacyDeleteId {
  readonly kind: "privacy-delete";
  readonly language: Language;
}

export const privacyIds: IdCodec<PrivacyDeleteId> = {
  scope: "privacy",
  encode: (id) => `privacy:delete:${id.language}`,
  decode(parts) {
    const [, action, language] = parts;
    if (parts.length !== 3 || action !== "delete" || !isLanguage(language)) return undefined;
    return { kind: "privacy-delete", language };
  },
};
