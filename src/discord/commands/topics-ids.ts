import type { Language } from "../../search/language.js";
import { type IdCodec, isLanguage } from "../custom-ids.js";

/** The topic browser: back to the list, the topic menu, and a page of one topic's statements. */
export type TopicsId =
  | { kind: "topics-home"; language: Language }
  | { kind: "topics-select"; language: Language }
  | { kind: "topics-page"; language: Language; topic: string; page: number };

export const topicsIds: IdCodec<TopicsId> = {
  scope: "topics",
  encode(id) {
    switch (id.kind) {
      case "topics-home":
        return `topics:home:${id.language}`;
      case "topics-select":
        return `topics:select:${id.language}`;
      case "topics-page":
        return `topics:page:${id.language}:${id.page}:${id.topic}`;
    }
  },
  decode(parts) {
    const [, action, language] = parts;
    if (!isLanguage(language)) return undefined;
    if (action === "home" && parts.length === 3) return { kind: "topics-home", language };
    if (action === "select" && parts.length === 3) return { kind: "topics-select", language };
    if (action !== "page" || parts.length !== 5) return undefined;
    const page = Number(parts[3]);
    const topic = parts[4] as string;
    if (!Number.isInteger(page) || page < 0 || !/^[a-z0-9-]{1,60}$/.test(topic)) return undefined;
    return { kind: "topics-page", language, topic, page };
  },
};
