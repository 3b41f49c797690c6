import type { Messages } from "./messages.js";
import { versionLabel } from "./version-label.js";

export const de: Messages = {
  languageName: "Deutsch",
  answerTitle: "Was die gemeinsame Erklärung und die Berichte sagen",
  moreResultsTitle: "Weitere Ergebnisse",
  noAnswer:
    "Dazu habe ich leider nichts gefunden in dem, was ich über den Gipfel Deutschland–Zentralasien vom 29. September 2023 weiß.",
  closestTopics: (topics) => `Am nächsten liegen die Themen: ${topics}.`,
  tryTopics: "Mit `/themen` siehst du alles, was ich weiß – oder frag mit anderen Worten.",
  buttonClosestStatements: "Nächstliegende Aussagen",
  closestStatementsNote: "Keine sichere Antwort: Das sind die Aussagen, die deiner Frage am nächsten kommen.",
  closestStatements: (ids) => `Am nächsten, keine sichere Antwort: ${ids}`,
  emptyQuestion: "Bitte stell eine Frage, zum Beispiel: „Wer hat am Gipfel teilgenommen?“",
  questionTooLong: (max) => `Die Frage ist zu lang für mich – bitte unter ${max} Zeichen bleiben.`,
  source: "Quelle",
  directQuote: "Wörtliches Zitat",
  paraphrase: "Zusammenfassung in eigenen Worten",
  knowledgeVersion: (version, date) => `Wissensstand ${versionLabel(version, date)}`,
  confidence: (percent) => `Sicherheit ${percent} %`,
  probablyThis: "Vermutlich das:",
  likelyInWords: (band, percent) =>
    `Ich bin nicht sicher, ob das deine Frage trifft – ${{ fair: "gute Chancen", "more-likely": "eher ja als nein", even: "etwa fifty-fifty" }[band]} (${percent} %).`,
  likelyVoteHint: "Wenn es nicht passt, drück 👎.",
  thenNotNow: (summitDate, asOf) =>
    `Hinweis: Mein Wissen beschreibt den Gipfel vom ${summitDate} und seine Folgen, Stand ${asOf} – nicht, wie es heute aussieht.`,
  readAsFollowUp: (question) => `Zusammen mit deiner letzten Frage gelesen: „${question}“`,
  broadQuestion: (topics) =>
    `Das passt zu vielem, was ich weiß. Frag genauer oder wähle ein Thema${topics ? `: ${topics}` : ""}.`,
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
    `Ich beantworte Fragen zu einem Gipfeltreffen und seiner gemeinsamen Erklärung: ${summit} (${date}, ${place}). Meine Antworten stammen aus einer kuratierten Sammlung von Aussagen, jede mit ihrer Quelle.`,
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
  moderatorsOnly: "Nur Moderatoren können das Wissen ändern (Server verwalten oder eine Moderatorenrolle).",
  knowledgeStatusTitle: "Wissensstand",
  knowledgeLoaded: (when, origin) => `Geladen ${when} aus \`${origin}\``,
  lastRejection: (when, actor) => `Zuletzt abgelehnte Änderung: ${when}, von ${actor}`,
  noRejection: "Seit der letzten erfolgreichen Änderung wurde keine abgelehnt.",
  reloadApplied: (before, after, diff) => `Wissen aktualisiert: ${before} → ${after}\n${diff}`,
  reloadUnchanged: "Die Datei auf der Platte ist die Version, die schon verwendet wird: nichts zu tun.",
  changeRejected: (errors) =>
    `Die Datei ist nicht gültig (${errors} Fehler); das bisherige Wissen bleibt in Gebrauch:`,
  uploadTooLarge: (max) => `Die Datei ist zu groß: Uploads sind auf ${max} Bytes begrenzt.`,
  uploadUnreadable: "Ich konnte den Anhang nicht von Discord laden. Bitte versuch es noch einmal.",
  uploadValid: (statements, topics, diff) =>
    `Die Datei ist gültig: ${statements} Aussagen in ${topics} Themen.\n${diff}`,
  versionUnchanged: (version) =>
    `⚠️ Aussagen haben sich geändert, aber \`version\` ist noch ${version}: bitte erhöhen, damit Antworten und Historie die Versionen unterscheiden.`,
  uploadConfirmQuestion: "Jetzt übernehmen? Die aktuelle Version bleibt in der Historie.",
  confirm: "Übernehmen",
  cancel: "Abbrechen",
  uploadCancelled: "Abgebrochen: nichts wurde geändert.",
  uploadExpired:
    "Dieser Upload ist abgelaufen oder wurde schon bearbeitet. Bitte lade die Datei noch einmal hoch.",
  historyTitle: "Versionen des Wissens (neueste zuerst)",
  historyEmpty: "Noch keine Versionen in der Historie.",
  historyCurrent: "aktuell",
  rollbackNoEarlier:
    "Es gibt keine frühere Version: dies ist die älteste, die die Historie aufbewahrt. Siehe `/wissen verlauf`.",
  rollbackUnknown: (version) =>
    `In der Historie gibt es keine eindeutige Version, die mit \`${version}\` beginnt. Siehe \`/wissen verlauf\`.`,
  downloadReady: (version) => `Die verwendete Wissensdatei (Version ${version}).`,
  voteHelpful: "Hilfreich",
  voteNotHelpful: "Nicht hilfreich",
  voteThanks: "Danke für die Rückmeldung – sie hilft der Moderation, die Antworten zu verbessern.",
  voteChanged: "Deine Bewertung ist geändert. Danke!",
  gapsTitle: "Wissenslücken",
  gapsUnanswered: "Oft gefragt, nicht beantwortet",
  gapsDownVoted: "Am häufigsten schlecht bewertet",
  gapsEmpty: "Noch nichts: keine unbeantworteten Fragen und keine schlechten Bewertungen gespeichert.",
  voteUnavailable:
    "Danke — Bewertungen können gerade nicht gespeichert werden; die Betreiber des Bots wissen Bescheid.",
  feedbackUnavailable: (reason) =>
    `Rückmeldungen sind gerade nicht verfügbar; der Bot antwortet weiter. Grund (auch im Log und unter /healthz): ${reason}`,
  knowledgeInTerminal:
    "Moderatoren ändern das Wissen im Terminal: summit-bot knowledge check | diff | history | rollback | gaps | teach | out-of-scope (npm run knowledge -- …).",
  gapsActPlaceholder: "Eine Lücke bearbeiten: beibringen, außerhalb des Themas, verwerfen …",
  gapDownVoted: (statement) => `👎 beantwortet mit ${statement}`,
  gapHeading: (count, question) => `**${count}×** „${question}“`,
  gapNearest: (statement) => `Nächste Aussage: \`${statement}\``,
  gapTeachPlaceholder: "Beibringen: die Aussage wählen, die sie beantwortet …",
  gapTeachHint: (id) =>
    `Nicht in der Liste? \`/wissen beibringen luecke:${id} aussage:\` sucht Aussagen nach Kennung oder Wörtern.`,
  gapOutOfScope: "Außerhalb des Themas …",
  gapDismiss: "Verwerfen",
  gapModalTitle: "Außerhalb des Themas",
  gapModalLabel: "Wörter von Fragen, die abgelehnt werden",
  gapModalHint: "Ein Wort oder eine kurze Wendung; Fragen, die darauf beruhen, werden abgelehnt.",
  gapTeachPreview: (question, statement) => `„${question}“ der Aussage \`${statement}\` beibringen:`,
  gapWronglyAnswered: (statement) => `Sie wurde mit \`${statement}\` beantwortet und schlecht bewertet.`,
  gapOutOfScopePreview: (phrase) =>
    `„${phrase}“ zu outOfScope hinzufügen: Fragen, die darauf beruhen, werden abgelehnt.`,
  gapOverlapWarning: (entry, term, statements) =>
    `⚠️ „${entry}“ hat den Wortstamm „${term}“ mit Wörtern von ${statements} Aussage(n) gemeinsam: Fragen damit werden nur abgelehnt, wo der besten Aussage das Wort fehlt.`,
  gapDismissPreview: (question) =>
    `„${question}“ im Bericht ausblenden? Die Fragen bleiben gespeichert, und wer sie wieder stellt, holt sie nicht zurück.`,
  gapConfirmQuestion:
    "Übernehmen? Es gilt innerhalb einer Sekunde; die bisherige Version bleibt in der Historie.",
  gapGone:
    "Diese Lücke steht nicht mehr im Bericht: jemand hat sie schon bearbeitet, oder ihre Fragen sind abgelaufen.",
  gapDismissed: "Verworfen: die Lücke ist im Bericht ausgeblendet.",
  gapActionExpired:
    "Diese Aktion ist abgelaufen oder wurde schon ausgeführt. Öffne `/wissen luecken` noch einmal.",
  unknownStatement: (id) => `Es gibt keine Aussage \`${id}\`. Tippe in die Option Aussage, um zu suchen.`,
  forgotUser: (questions, votes) =>
    `Gelöscht, was zu diesem Mitglied gespeichert war: ${questions} unbeantwortete Frage(n) und ${votes} Bewertung(en).`,
  commands: {
    ask: { name: "frage", description: "Frag zum Gipfel Deutschland–Zentralasien vom 29. September 2023" },
    "ask question": { name: "frage", description: "Deine Frage, auf Deutsch oder Englisch" },
    public: { name: "öffentlich", description: "Antwort für alle im Kanal zeigen (Standard: nur für dich)" },
    topics: { name: "themen", description: "Themen und ihre Aussagen durchblättern" },
    "topics topic": { name: "thema", description: "Ein Thema direkt öffnen" },
    statement: { name: "aussage", description: "Eine Aussage vollständig zeigen, mit Quelle" },
    "statement id": { name: "kennung", description: "Kennung der Aussage (tippen zum Suchen)" },
    about: { name: "info", description: "Was dieser Bot weiß, woher es stammt und wie man fragt" },
    help: { name: "hilfe", description: "Wie man den Bot fragt, seine Befehle und Sprachen" },
    knowledge: { name: "wissen", description: "Moderation: das Wissen des Bots prüfen und ändern" },
    "knowledge status": { description: "Version, Umfang, Herkunft, letzte abgelehnte Änderung" },
    "knowledge reload": { name: "neu-laden", description: "Die Wissensdatei jetzt neu einlesen" },
    "knowledge upload": {
      name: "hochladen",
      description: "Neue Wissensdatei prüfen, Änderungen zeigen, nach Bestätigung übernehmen",
    },
    file: { name: "datei", description: "Die YAML-Wissensdatei" },
    "knowledge validate": {
      name: "pruefen",
      description: "Eine Wissensdatei prüfen, ohne sie zu übernehmen",
    },
    "knowledge download": { name: "herunterladen", description: "Die verwendete Wissensdatei als Anhang" },
    "knowledge history": { name: "verlauf", description: "Die aufbewahrten Versionen, neueste zuerst" },
    "knowledge rollback": {
      name: "zuruecksetzen",
      description: "Eine aufbewahrte Version wiederherstellen (Standard: die vorige)",
    },
    "knowledge rollback version": { description: "Version aus /wissen verlauf" },
    "knowledge gaps": {
      name: "luecken",
      description: "Fragen, die der Bot nicht beantworten konnte, und schlecht bewertete Antworten",
    },
    "knowledge forget-user": {
      name: "nutzer-vergessen",
      description: "Alles löschen, was zu einem Mitglied gespeichert ist",
    },
    "knowledge forget-user user": { name: "mitglied", description: "Das Mitglied" },
    "knowledge teach": {
      name: "beibringen",
      description: "Eine Frage aus /wissen luecken der Aussage beibringen, die sie beantwortet",
    },
    "knowledge teach gap": {
      name: "luecke",
      description: "Kennung der Lücke aus /wissen luecken (tippen zum Suchen)",
    },
    "knowledge teach statement": {
      name: "aussage",
      description: "Die Aussage, die sie beantwortet (Kennung oder Wörter)",
    },
  },
  chat: {
    intro: "Stell eine Frage auf Deutsch oder Englisch, oder gib einen Befehl ein:",
    own: {
      lang: { name: "sprache", usage: "de|en|auto", description: "Antwortsprache (auto: die der Frage)" },
      quit: { name: "ende", usage: "", description: "Beenden (oder Strg+D)" },
    },
    argumentNames: { QUESTION: "FRAGE", TOPIC: "THEMA", ID: "KENNUNG" },
    howToAsk:
      "Frag in eigenen Worten, auf Deutsch oder Englisch: Die besten Stellen kommen zuerst, jede mit ihrer Quelle; wenn nichts passt, sage ich es.",
    otherNames: (names) => `Die englischen Namen gehen auch: ${names}.`,
    unknownCommand: (command) => `Unbekannter Befehl ${command} – versuch /hilfe.`,
    usage: (usage) => `Aufruf: ${usage}`,
    topicNotFound: (topic) => `Es gibt kein Thema „${topic}“. Die Themen:`,
    replyLanguage: (language) => `Antwortsprache: ${language}`,
    reloaded: (before, after) =>
      `(Die Wissensdatei hat sich geändert: jetzt Stand ${after}, vorher ${before}.)`,
    reloadRejected: (version, errors) =>
      `(Die Wissensdatei hat sich geändert, ist aber nicht gültig – ${errors} Fehler, siehe npm run --silent knowledge -- check. Ich antworte weiter mit Stand ${version}.)`,
  },
};
