import type { Messages } from "./messages.js";

export const de: Messages = {
  languageName: "Deutsch",
  answerTitle: "Was die gemeinsame Erklärung und die Berichte sagen",
  moreResultsTitle: "Weitere Ergebnisse",
  noAnswer:
    "Dazu habe ich leider nichts gefunden in dem, was ich über den Gipfel Deutschland–Zentralasien vom 29. September 2023 weiß.",
  closestTopics: (topics) => `Am nächsten liegen die Themen: ${topics}.`,
  tryTopics: "Mit `/themen` siehst du alles, was ich weiß – oder frag mit anderen Worten.",
  emptyQuestion: "Bitte stell eine Frage, zum Beispiel: „Wer hat am Gipfel teilgenommen?“",
  questionTooLong: (max) => `Die Frage ist zu lang für mich – bitte unter ${max} Zeichen bleiben.`,
  source: "Quelle",
  directQuote: "Wörtliches Zitat",
  paraphrase: "Zusammenfassung in eigenen Worten",
  knowledgeVersion: (version, date) => `Wissensstand ${version} (${date})`,
  confidence: (percent) => `Sicherheit ${percent} %`,
  buttonMoreResults: "Weitere Ergebnisse",
  buttonGerman: "Original (Deutsch)",
  buttonEnglish: "English",
  noMoreResults: "Zu dieser Frage gibt es keine weiteren Ergebnisse.",
  expired:
    "Diese Antwort stammt aus einem älteren Wissensstand oder ist abgelaufen – bitte frag noch einmal.",
  topicsTitle: "Themen",
  topicsIntro: "Wähle ein Thema, um seine Aussagen zu sehen.",
  topicStatements: (topic, page, pages) => `${topic} – Seite ${page} von ${pages}`,
  chooseTopic: "Thema wählen …",
  previous: "Zurück",
  next: "Weiter",
  backToTopics: "Alle Themen",
  statementNotFound: (id) =>
    `Es gibt keine Aussage mit der Kennung \`${id}\`. Mit \`/themen\` kannst du stöbern.`,
  statementTitle: (id) => `Aussage ${id}`,
  topic: "Thema",
  aboutTitle: "Über diesen Bot",
  aboutIntro: (summit, date, place) =>
    `Ich beantworte Fragen zum ${summit} (${date}, ${place}) und seiner gemeinsamen Erklärung – aus einer kuratierten Sammlung von Aussagen, jede mit ihrer Quelle.`,
  participants: "Teilnehmer",
  sources: "Quellen",
  knowledgeLine: (statements, topics) => `${statements} Aussagen in ${topics} Themen`,
  howToAsk:
    "Frag mit `/frage`, erwähne mich mit einer Frage oder schreib mir eine Direktnachricht – auf Deutsch oder Englisch. `/themen` zeigt, was ich weiß; `/aussage` zeigt eine Aussage anhand ihrer Kennung.",
  helpTitle: "So fragst du",
  helpText: [
    "`/frage frage:` – frag auf Deutsch oder Englisch; die besten Passagen kommen zuerst, mit Quelle.",
    "`/themen` – Themen und ihre Aussagen durchblättern.",
    "`/aussage kennung:` – eine Aussage vollständig, mit Quelle.",
    "`/info` – was ich weiß und woher es stammt.",
    "Du kannst mich auch mit einer Frage erwähnen oder mir eine Direktnachricht schreiben.",
  ].join("\n"),
  somethingWentWrong: "Bei mir ist etwas schiefgegangen. Bitte versuch es gleich noch einmal.",
  slowDown: (seconds) => `Du fragst sehr schnell – bitte versuch es in ${seconds} s noch einmal.`,
  busy: "Ich bin gerade sehr beschäftigt – bitte versuch es in ein paar Sekunden noch einmal.",
};
