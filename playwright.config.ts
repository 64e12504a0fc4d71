import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = ".data/e2e";

// Debian's Chromium (installed by scripts/test-all.sh): Playwright cannot download browsers here.
const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: { baseURL: `http://localhost:${PORT}`, trace: "off" },
  projects: [
    { name: "javascript", use: { ...chromium } },
    { name: "no-javascript", use: { ...chromium, javaScriptEnabled: false } },
  ],
  webServer: {
    // The production build on a fresh embedded database with the demo data, as a newcomer would run it.
    command: `rm -rf ${DATA_DIR} && DATA_DIR=${DATA_DIR} npm run --silent db:seed && DATA_DIR=${DATA_DIR} PORT=${PORT} NODE_ENV=production node server.js`,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
