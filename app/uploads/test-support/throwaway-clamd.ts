// Starts ClamAV's daemon (Debian's clamav-daemon) in a temporary directory for tests, with one local signature
// that finds the EICAR test string anywhere in a file (no signatures can be downloaded here), and stops it again.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The industry's harmless test "virus": every scanner reports it, nothing runs it. */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
export const EICAR_SIGNATURE = "Portal-Test-EICAR";

const CLAMD = ["/usr/sbin/clamd", "/usr/bin/clamd"].find((path) => existsSync(path));

export type ThrowawayClamd = { socket: string; stop: () => Promise<void> };

async function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const client = connect({ path: socket });
    let reply = "";
    client.on("data", (data) => (reply += data.toString()));
    client.on("error", () => resolve(false));
    client.on("close", () => resolve(reply.startsWith("PONG")));
    client.end("zPING\0");
  });
}

export async function startThrowawayClamd(): Promise<ThrowawayClamd> {
  if (!CLAMD) throw new Error("clamd not found: install it with `apt-get install -y clamav-daemon`");
  const dir = mkdtempSync(join(tmpdir(), "portal-clamd-"));
  mkdirSync(join(dir, "db"));
  writeFileSync(join(dir, "db", "portal-test.ndb"), `${EICAR_SIGNATURE}:0:*:${Buffer.from(EICAR).toString("hex")}\n`);
  const socket = join(dir, "clamd.sock");
  writeFileSync(
    join(dir, "clamd.conf"),
    [
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${join(dir, "db")}`,
      `TemporaryDirectory ${dir}`,
      `PidFile ${join(dir, "clamd.pid")}`,
      "Foreground yes",
      "StreamMaxLength 20M",
      "LogTime no",
    ].join("\n") + "\n",
  );
  const daemon: ChildProcess = spawn(CLAMD, [`--config-file=${join(dir, "clamd.conf")}`], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  daemon.stderr?.on("data", (data: Buffer) => (errors += data.toString()));
  const stop = async () => {
    if (daemon.exitCode === null) {
      const exited = new Promise((resolve) => daemon.once("exit", resolve));
      daemon.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (!(existsSync(socket) && (await answers(socket)))) {
    if (daemon.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`clamd did not start: ${errors.slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { socket, stop };
}
