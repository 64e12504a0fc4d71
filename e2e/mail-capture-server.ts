// The end-to-end tests' mail server: a real SMTP server on 127.0.0.1 that writes every message it receives
// to a folder as JSON, for the tests to read. Started by playwright.config.ts; stops with the test run.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

const port = Number(process.argv[2]);
const folder = process.argv[3]!;
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
let count = 0;

const server = new SMTPServer({
  secure: false,
  disabledCommands: ["STARTTLS"],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      writeFileSync(join(folder, `${Date.now()}-${++count}.json`), JSON.stringify({ to, raw: Buffer.concat(chunks).toString("utf8") }));
      callback();
    });
  },
});
server.listen(port, "127.0.0.1");
