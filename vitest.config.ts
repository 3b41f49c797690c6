import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // End-to-end tests bind loopback ports and start real discord.js clients; a generous timeout
    // covers a loaded CI machine without hiding a hang.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
