// Production server: serves the built assets and the Remix app, applies database migrations before it
// listens, and closes the database cleanly when stopped. PORT sets the port (default 3000).
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { readdirSync } from "node:fs";

const build = await import("./build/server/index.js");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

await build.entry.module.startup();

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "true");
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", index: false }));
// Other public files (the favicon) by name: a static handler for every path would ask the disk about each page.
const publicFiles = new Set(
  readdirSync("build/client", { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`),
);
const publicFile = express.static("build/client", { maxAge: "1h", index: false });
app.use((req, res, next) => (publicFiles.has(req.path) ? publicFile(req, res, next) : next()));
// Remix answers a form posted from another site with a bare 500. Mark it instead, so the portal refuses it
// with a translated 403 page (app/http/same-origin.server.ts).
app.use((req, _res, next) => {
  const origin = req.headers.origin;
  if (req.method !== "GET" && req.method !== "HEAD" && origin) {
    let sameHost = false;
    try {
      sameHost = new URL(origin).host === req.headers.host;
    } catch {
      sameHost = false;
    }
    if (!sameHost) {
      delete req.headers.origin;
      req.headers["x-cross-origin-form"] = "1";
    }
  }
  next();
});

// Pages render a few at a time, the rest waiting their turn (app/http/page-queue.server.ts).
app.use(build.entry.module.pageQueue(Number(process.env.CONCURRENT_PAGES ?? 2)));
app.use(
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    // Loaders see a rebuilt URL; the original lets the portal refuse malformed query strings with a 400.
    getLoadContext: (req) => ({ originalUrl: req.originalUrl }),
  }),
);

const server = app.listen(port, host, () => {
  process.stdout.write(`Complaints portal listening on http://localhost:${port}\n`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  await build.entry.module.shutdown();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
