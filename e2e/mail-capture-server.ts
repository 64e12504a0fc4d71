// The end-to-end tests' mail server: a real SMTP server on 127.0.0.1 that writes every message it receives
// to a folder as JSON, for the tests to read; and, on the next port, a stand-in for GOV.UK Notify's text message
// API (POST /v2/notifications/sms), filing each text in a second folder. Started by playwright.config.ts; stops
// with the test run.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

const port = Number(process.argv[2]);
const folder = process.argv[3]!;
const textFolder = process.argv[4]!;
for (const each of [folder, textFolder]) {
  rmSync(each, { recursive: true, force: true });
  mkdirSync(each, { recursive: true });
}
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

// Notify's answer to a text it accepts is 201 with the notification; the portal reads only the status.
const notify = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    if (request.method !== "POST" || request.url !== "/v2/notifications/sms" || !/^Bearer \S+$/.test(request.headers.authorization ?? "")) {
      response.writeHead(400, { "content-type": "application/json" }).end('{"errors":[{"error":"BadRequestError"}]}');
      return;
    }
    const sent = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { phone_number: string; personalisation: { body: string } };
    writeFileSync(join(textFolder, `${Date.now()}-${++count}.json`), JSON.stringify({ to: [sent.phone_number], text: sent.personalisation.body }));
    response.writeHead(201, { "content-type": "application/json" }).end('{"id":"e2e"}');
  });
});
notify.listen(port + 1, "127.0.0.1");
