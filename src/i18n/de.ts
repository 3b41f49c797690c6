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
  topicNotFound: (topic) => `Es gibt kein Thema „${topic}“.`,
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
    "`/datenschutz` – was ich über dich speichere, und es löschen.",
    "Server-Admins: `/einrichten` – Fragekanäle, Sprache, Wartezeit und mehr für diesen Server.",
  ].join("\n"),
  somethingWentWrong: "Bei mir ist etwas schiefgegangen. Bitte versuch es gleich noch einmal.",
  slowDown: (seconds) => `Du fragst sehr schnell – bitte versuch es in ${seconds} s noch einmal.`,
  busy: "Ich bin gerade sehr beschäftigt – bitte versuch es in ein paar Sekunden noch einmal.",
  notAvailableHere: "Das ist hier nicht verfügbar.",
  moderatorsOnly: "Nur Moderatoren können das Wissen ändern (Server verwalten oder eine Moderatorenrolle).",
  knowledgeStatusTitle: "Wissensstand",
  versionWithSize: (version, hash, statements) => `${version} (${hash}, ${statements} Aussagen)`,
  moreIssues: (count) => `… und ${count} weitere`,
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
  gapsTitleForServer: (guildId) => `Wissenslücken im Server ${guildId}`,
  gapsUnanswered: "Oft gefragt, nicht beantwortet",
  gapsDownVoted: "Am häufigsten schlecht bewertet",
  gapsEmpty: "Noch nichts: keine unbeantworteten Fragen und keine schlechten Bewertungen gespeichert.",
  setupInTerminal:
    "/einrichten ist für die Admins eines Discord-Servers. Hier gelten die Einstellungen aus der Umgebung (.env).",
  privacyInTerminal:
    "Der Terminal-Chat speichert nichts über dich: Deine Fragen bleiben auf dem Bildschirm dieses Rechners.",
  voteUnavailable:
    "Danke — Bewertungen können gerade nicht gespeichert werden; die Betreiber des Bots wissen Bescheid.",
  notAServerId: (typed) =>
    `„${typed}“ ist keine Server-ID (17 bis 20 Ziffern; „Server-ID kopieren“ im Menü des Servers). Ohne server: gilt es für alle Server.`,
  feedbackUnavailable: (reason) =>
    `Rückmeldungen sind gerade nicht verfügbar; der Bot antwortet weiter. Grund (auch im Log und unter /healthz): ${reason}`,
  knowledgeInTerminal:
    "Moderatoren ändern das Wissen im Terminal: summit-bot knowledge check | diff | history | rollback | gaps | teach | out-of-scope (npm run --silent knowledge -- …).",
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
  serverOnly: "Dieser Befehl funktioniert nur auf einem Server.",
  manageServerOnly: "Nur Mitglieder mit „Server verwalten“ können den Bot für diesen Server einrichten.",
  setupTitle: "Einstellungen für diesen Server",
  setupAskChannels: "Fragekanäle (Fragen werden ohne Erwähnung beantwortet)",
  setupAskPublic: "/frage-Antworten standardmäßig öffentlich",
  setupFallbackLanguage: "Antwortsprache, wenn die Sprache einer Frage nicht erkennbar ist",
  setupCooldown: "Zeit zwischen zwei Fragen eines Mitglieds",
  setupMentions: "Auf Erwähnungen antworten",
  setupSetHere: "hier festgelegt",
  setupDefault: "Standard",
  setupNone: "keine",
  yes: "ja",
  no: "nein",
  seconds: (seconds) => (seconds === 0 ? "keine Wartezeit" : `${seconds} s`),
  serverLanguage: (language) => `die Sprache des Servers (derzeit ${language})`,
  setupNoMessageContent:
    "Dieser Bot läuft ohne den Message-Content-Intent und kann Nachrichten in Fragekanälen daher nicht lesen: Dort würde nie etwas beantwortet. Mitglieder können den Bot erwähnen oder `/frage` verwenden.",
  setupChannelWrongType: "Wähle einen Textkanal, einen Thread oder ein Forum dieses Servers.",
  setupInvalidValue: "Diesen Wert nimmt /einrichten nicht an: nichts geändert.",
  setupTooManyChannels: (max) => `Ein Server kann höchstens ${max} Fragekanäle haben. Entferne zuerst einen.`,
  setupAlreadyAskChannel: (channel) => `${channel} ist schon ein Fragekanal: nichts geändert.`,
  setupNotAskChannel: (channel) => `${channel} ist kein Fragekanal: nichts geändert.`,
  setupChanged: (setting, before, after) => `${setting}: ${before} → ${after}`,
  setupResetDone: (settings) => `Zurück auf den Standard: ${settings}.`,
  settingsUnavailable: (reason) =>
    `Die Einstellungen dieses Servers können gerade nicht gespeichert werden; bis dahin gilt der Standard. Grund (auch im Log und unter /healthz): ${reason}`,
  setupNothingToReset: "Nichts zurückzusetzen: Dieser Server nutzt schon die Standardwerte.",
  choiceGerman: "Deutsch",
  choiceEnglish: "Englisch",
  choiceServerLanguage: "Die Sprache des Servers",
  privacyNothing:
    "Ich speichere nichts über dich: keine unbeantworteten Fragen und keine Bewertungen. Beantwortete Fragen werden nie gespeichert.",
  privacySummary: (questions, votes, oldest, retentionDays) =>
    `Was ich über dich speichere, unter einem gesalzenen Hash deiner ID (nie die ID selbst): ${questions} unbeantwortete Frage${questions === 1 ? "" : "n"} und ${votes} Bewertung${votes === 1 ? "" : "en"}, die älteste vom ${oldest}. Sie zeigen den Betreibern, was der Bot noch nicht beantworten kann, und werden nach ${retentionDays} Tagen gelöscht. Du kannst alles jetzt löschen.`,
  privacyDeleteButton: "Alle meine Daten löschen",
  privacyDeleted: (questions, votes) =>
    `Gelöscht: ${questions} unbeantwortete Frage${questions === 1 ? "" : "n"} und ${votes} Bewertung${votes === 1 ? "" : "en"}. Über dich ist jetzt nichts mehr gespeichert.`,
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
    "knowledge status": {
      name: "status",
      description: "Version, Umfang, Herkunft, letzte abgelehnte Änderung",
    },
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
    "knowledge rollback version": { name: "version", description: "Version aus /wissen verlauf" },
    "knowledge gaps": {
      name: "luecken",
      description: "Fragen, die der Bot nicht beantworten konnte, und schlecht bewertete Antworten",
    },
    "knowledge gaps server": {
      name: "server",
      description: "Nur die Fragen aus diesem Server (seine ID); Standard: alle Server",
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
    setup: { name: "einrichten", description: "Server-Admins: wie sich der Bot auf diesem Server verhält" },
    "setup show": {
      name: "anzeigen",
      description: "Alle Einstellungen dieses Servers und ob sie hier festgelegt sind",
    },
    "setup ask-channel-add": {
      name: "fragekanal-hinzufuegen",
      description: "Fragen in einem Kanal, Thread oder Forum ohne Erwähnung beantworten",
    },
    "setup ask-channel-remove": {
      name: "fragekanal-entfernen",
      description: "Fragen in einem Kanal nicht mehr ohne Erwähnung beantworten",
    },
    channel: { name: "kanal", description: "Ein Textkanal, Thread oder Forum dieses Servers" },
    "setup ask-public": {
      name: "frage-oeffentlich",
      description: "Ob /frage-Antworten öffentlich sind, wenn der Fragende nichts anderes wählt",
    },
    "setup language": {
      name: "sprache",
      description: "Antwortsprache, wenn die Sprache einer Frage unklar ist",
    },
    "setup language value": { name: "wert", description: "Deutsch, Englisch oder die Sprache des Servers" },
    "setup cooldown": { name: "wartezeit", description: "Sekunden zwischen zwei Fragen eines Mitglieds" },
    "setup cooldown seconds": { name: "sekunden", description: "0 bis 3600; 0 schaltet die Wartezeit ab" },
    "setup mentions": { name: "erwaehnungen", description: "Ob der Bot auf Erwähnungen antwortet" },
    "setup reset": {
      name: "zuruecksetzen",
      description: "Zurück auf den Standard: eine Einstellung oder alle",
    },
    "setup reset setting": { name: "einstellung", description: "Die Einstellung (Standard: alle)" },
    enabled: { name: "an", description: "An oder aus" },
    privacy: { name: "datenschutz", description: "Was der Bot über dich speichert, und es löschen" },
  },
  chat: {
    banner: (summit, statements, version) =>
      `summit-bot – ${summit} · ${statements} Aussagen, Stand ${version}`,
    withoutDiscord: "Bis dahin kannst du den Bot hier im Terminal fragen.",
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
    replyLanguage: (language) => `Antwortsprache: ${language}`,
    reloaded: (before, after) =>
      `(Die Wissensdatei hat sich geändert: jetzt Stand ${after}, vorher ${before}.)`,
    reloadRejected: (version, errors) =>
      `(Die Wissensdatei hat sich geändert, ist aber nicht gültig – ${errors} Fehler, siehe npm run --silent knowledge -- check. Ich antworte weiter mit Stand ${version}.)`,
  },
};
