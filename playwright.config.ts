import { defineConfig } from "@playwright/test";
import { E2E_OIDC_CLIENT } from "./e2e/oidc-settings";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = ".data/e2e";
/** Mail from the portal under test goes to a real local SMTP server that files it in MAIL_DIR. */
const SMTP_PORT = PORT + 2;
/** Text messages go to a stand-in for GOV.UK Notify on the next port, which files them in TEXT_DIR. */
const NOTIFY_PORT = SMTP_PORT + 1;
const NOTIFY_SETTINGS = `NOTIFY_API_KEY=e2e-00000000-0000-4000-8000-000000000000-00000000-0000-4000-8000-000000000001 NOTIFY_SMS_TEMPLATE_ID=e2e-sms NOTIFY_API_URL=http://127.0.0.1:${NOTIFY_PORT}`;
/** A stand-in for the council's OpenID Connect provider (staff single sign-on) on the port after that. */
const OIDC_PORT = NOTIFY_PORT + 1;
const OIDC_SETTINGS = `OIDC_ISSUER=http://127.0.0.1:${OIDC_PORT} OIDC_CLIENT_ID=${E2E_OIDC_CLIENT.id} OIDC_CLIENT_SECRET=${E2E_OIDC_CLIENT.secret}`;
export const MAIL_DIR = ".data/e2e-mail";
export const TEXT_DIR = ".data/e2e-texts";

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

// With E2E_DATABASE_URL (an empty PostgreSQL database, see scripts/with-postgres.ts), a second server runs on
// it, so the end-to-end tests also show the portal migrating and serving a real PostgreSQL.
const postgresUrl = process.env.E2E_DATABASE_URL;

// Every test browser comes from 127.0.0.1, so the per-address limits are raised through configuration (the
// rate-limit tests run against the PostgreSQL server, which keeps a low one), as is the number of uploads one
// address may have in hand at once.
const RAISED_LIMITS = JSON.stringify(
  Object.fromEntries(
    ["sends-per-client", "sends-per-recipient", "drafts-per-client", "uploads-per-client", "upload-megabytes-per-client", "compliments-per-client", "equality-per-client", "sign-in-codes-per-client", "sign-in-codes-per-address"].map((name) => [
      name,
      { points: 100_000, seconds: 3600 },
    ]),
  ),
);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: { baseURL: `http://localhost:${PORT}`, trace: "off" },
  projects: [
    { name: "javascript", use: { ...chromium }, testIgnore: /(postgresql|http)\.spec\.ts/, grepInvert: /@no-javascript-only/ },
    { name: "no-javascript", use: { ...chromium, javaScriptEnabled: false }, testIgnore: /(postgresql|http)\.spec\.ts/, grepInvert: /@javascript-only/ },
    // HTTP-level checks need no browser page, so they run once.
    { name: "http", use: { ...chromium }, testMatch: /http\.spec\.ts/ },
    ...(postgresUrl
      ? [
          {
            name: "postgresql",
            use: { ...chromium, baseURL: `http://localhost:${PORT + 1}` },
            testMatch: /postgresql\.spec\.ts/,
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `npx tsx e2e/oidc-provider-server.ts ${OIDC_PORT} http://localhost:${PORT}`,
      port: OIDC_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx tsx e2e/mail-capture-server.ts ${SMTP_PORT} ${MAIL_DIR} ${TEXT_DIR}`,
      port: SMTP_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The production build on a fresh embedded database with the demo data, as a newcomer would run it.
      // Every test comes from 127.0.0.1, so the rate limits are raised here, through configuration as anyone would.
      command: `rm -rf ${DATA_DIR} && DATA_DIR=${DATA_DIR} PUBLIC_URL=http://localhost:${PORT} npm run --silent db:seed && DATA_DIR=${DATA_DIR} PUBLIC_URL=http://localhost:${PORT} PORT=${PORT} SMTP_URL=smtp://127.0.0.1:${SMTP_PORT} ${NOTIFY_SETTINGS} ${OIDC_SETTINGS} MAIL_INTERVAL_MS=500 NODE_ENV=production RATE_LIMITS='${RAISED_LIMITS}' UPLOADS_PER_CLIENT_AT_ONCE=16 node server.js`,
      url: `http://localhost:${PORT}/healthz`,
      reuseExistingServer: false,
      // Seeding and starting take some 20 seconds on a quiet 2-core machine; a busy one gets several times that.
      timeout: 180_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    ...(postgresUrl
      ? [
          {
            // Two worker processes, as on a 2-core server; a low compliment limit for the rate-limit test.
            command: `DATABASE_URL=${postgresUrl} DATABASE_MIGRATION_URL=${process.env.E2E_MIGRATION_URL} PORT=${PORT + 1} NODE_ENV=production WEB_CONCURRENCY=2 RATE_LIMITS='{"compliments-per-client":{"points":2,"seconds":3600}}' node server.js`,
            url: `http://localhost:${PORT + 1}/healthz`,
            reuseExistingServer: false,
            timeout: 60_000,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
          },
        ]
      : []),
  ],
});
