import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts", "locales/**/*.test.ts"],
    globalSetup: ["./db/test-support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
