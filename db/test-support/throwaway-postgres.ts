// Starts a private PostgreSQL 15 server in a temporary directory for tests and benchmarks, on a free
// loopback port, and stops it again. initdb refuses to run as root, so as root it runs as `postgres`.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

export type ThrowawayPostgres = { url: string; stop: () => void };

function findBinDir(): string {
  const found = BIN_DIRS.find((dir) => existsSync(join(dir, "initdb")));
  if (!found) {
    throw new Error("PostgreSQL server binaries not found: install them with `apt-get install -y postgresql`");
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(database = "portal_test"): Promise<ThrowawayPostgres> {
  const bin = findBinDir();
  const dir = mkdtempSync(join(tmpdir(), "portal-pg-"));
  const isRoot = process.getuid?.() === 0;
  const asOwner = (command: string, args: string[]) =>
    isRoot ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" })
      : execFileSync(command, args, { stdio: "pipe" });
  if (isRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
    Number(execFileSync("id", ["-g", "postgres"]).toString().trim()));

  asOwner(join(bin, "initdb"), ["-D", join(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8",
    "--locale=C.UTF-8", "--no-sync"]);
  const port = await freePort();
  asOwner(join(bin, "pg_ctl"), ["-D", join(dir, "data"), "-l", join(dir, "log"), "-w", "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "start"]);
  execFileSync(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", database]);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const args = [join(bin, "pg_ctl"), "-D", join(dir, "data"), "-m", "immediate", "stop"];
    spawnSync(isRoot ? "runuser" : args[0]!, isRoot ? ["-u", "postgres", "--", ...args] : args.slice(1),
      { stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, stop };
}
