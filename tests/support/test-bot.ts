/** The real bot against the Discord stand-in: shared with the bench, so it lives in src/standin. */
export {
  type BotOnStandIn as TestBot,
  openStandInKnowledge as openTestKnowledge,
  SHIPPED_KNOWLEDGE,
  standInSettings as testSettings,
  startBotOnStandIn as startTestBot,
} from "../../src/standin/standin-bot.js";
