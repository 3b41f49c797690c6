/**
 * The Discord stand-in lives in src/standin, where the shipped bench's burst measurement reaches
 * it too; tests import it from here, with the discord.js client helpers that only tests need.
 */
export * from "../../src/standin/discord-standin.js";
export { createTestClient, loginAndWaitReady } from "./discord-test-client.js";
