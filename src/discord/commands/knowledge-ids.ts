import type { Language } from "../../search/language.js";
import { type IdCodec, isLanguage } from "../custom-ids.js";

/** Apply or Cancel under an upload's preview; the upload waits in memory under its id. */
export type KnowledgeUploadId =
  | { kind: "knowledge-confirm"; language: Language; upload: string }
  | { kind: "knowledge-cancel"; language: Language; upload: string };

export const knowledgeUploadIds: IdCodec<KnowledgeUploadId> = {
  scope: "knowledge",
  encode: (id) =>
    `knowledge:${id.kind === "knowledge-confirm" ? "confirm" : "cancel"}:${id.language}:${id.upload}`,
  decode(parts) {
    if (parts.length !== 4) return undefined;
    const [, action, language, upload] = parts as [string, string, string, string];
    if ((action !== "confirm" && action !== "cancel") || !isLanguage(language)) return undefined;
    if (!/^[0-9a-f]{16}$/.test(upload)) return undefined;
    return { kind: action === "confirm" ? "knowledge-confirm" : "knowledge-cancel", language, upload };
  },
};
