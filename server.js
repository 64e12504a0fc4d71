// Production server: serves the built assets and the Remix app, applies database migrations before it
// listens, and closes the database cleanly when stopped. PORT sets the port (default 3000). On PostgreSQL it runs
// one worker process per core (WEB_CONCURRENCY), after migrating the database once; PGlite, a single-connection
// embedded database, stays in one process.
import compression from "compression";
import express from "express";
import cluster from "node:cluster";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";

process.env.NODE_ENV ??= "production";
const build = await import("./build/server/index.js");
const portal = build.entry.module;
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const workers = process.env.DATABASE_URL ? Number(process.env.WEB_CONCURRENCY ?? availableParallelism()) : 1;

if (workers > 1 && cluster.isPrimary) {
  await portal.migrateDatabase();
  let stopping = false;
  let running = 0;
  const fork = () => {
    running++;
    cluster.fork();
  };
  for (let i = 0; i < workers; i++) fork();
  // A worker that dies is replaced, unless the server is stopping; once the last has stopped, so does this.
  cluster.on("exit", () => {
    running--;
    if (!stopping) fork();
    else if (running === 0) process.exit(0);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  await serve();
}

async function serve() {
  await portal.startup();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", portal.trustedProxyHops(process.env.TRUST_PROXY));
  // Security headers on every response, static files included (app/http/security-headers.server.ts).
  app.use(portal.securityHeaders({ https: portal.servedOverHttps() }));
  app.use(compression());
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", index: false }));
  // Other public files (the favicon) by name: a static handler for every path would ask the disk about each page.
  const publicFiles = new Set(
    readdirSync("build/client", { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`),
  );
  const publicFile = express.static("build/client", { maxAge: "1h", index: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? publicFile(req, res, next) : next()));

  // Every request body is read through one capped reader, and pages render a few at a time with a bounded wait
  // (app/http/remix-handler.server.ts, app/http/page-limiter.server.ts).
  app.use(portal.remixHandler(build, { mode: process.env.NODE_ENV, pages: portal.pageLimiter(portal.pageLimitsFromEnv()) }));
  // Anything that escaped Remix: logged without personal data, answered without details.
  app.use((error, _req, res, _next) => {
    portal.logServerError("Request failed", error);
    if (!res.headersSent) res.status(500).type("text/plain").send("Server error");
    else res.destroy();
  });

  const server = app.listen(port, host, () => {
    process.stdout.write(`Complaints portal listening on http://localhost:${port}\n`);
  });

  let stopping = false;
  async function stop() {
    if (stopping) return;
    stopping = true;
    server.close();
    await portal.shutdown();
    process.exit(0);
  }
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
