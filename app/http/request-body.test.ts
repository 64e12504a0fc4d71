import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { bodyLimitFor, cappedBody, FORM_BODY_LIMIT, isBodyTooLarge, UPLOAD_BODY_LIMIT } from "./request-body.server";

const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

type Outcome = { read: number; tooLarge: boolean; finished: boolean; error: string };

/** A server that reads each body through the cap and reports what it saw. */
async function serve(limit: number) {
  const outcomes: Outcome[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = cappedBody(req, limit);
    const reader = body.stream.getReader();
    let read = 0;
    let error = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        read += value.byteLength;
      }
    } catch (caught) {
      error = isBodyTooLarge(caught) ? "too large" : String(caught);
    }
    outcomes.push({ read, ...body.state, error });
    res.writeHead(error ? 413 : 200, { Connection: body.state.finished ? "keep-alive" : "close" });
    res.end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, outcomes };
}

/** Posts `chunks` chunks of `size` bytes with chunked encoding (no Content-Length); resolves with the status. */
function postChunked(port: number, chunks: number, size: number, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ port, host: "127.0.0.1", method: "POST", path: "/", agent: false, headers }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", (error) => reject(error));
    const piece = Buffer.alloc(size, 0x61);
    let sent = 0;
    const write = () => {
      while (sent < chunks) {
        sent++;
        if (!req.write(piece)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("the capped request body", () => {
  it("gives a body within its limit whole", async () => {
    const { port, outcomes } = await serve(1000);
    expect(await postChunked(port, 10, 100)).toBe(200);
    expect(outcomes).toEqual([{ read: 1000, received: 1000, tooLarge: false, finished: true, error: "" }]);
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const { port, outcomes } = await serve(64 * 1024);
    // 8 MB offered in 16 KB chunks: the reader sees no more than the limit, and the answer comes before the end.
    const status = await postChunked(port, 512, 16 * 1024).catch(() => 413);
    expect(status).toBe(413);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.error).toBe("too large");
    expect(outcomes[0]!.tooLarge).toBe(true);
    expect(outcomes[0]!.finished).toBe(false);
    expect(outcomes[0]!.read).toBeLessThanOrEqual(64 * 1024);
  });

  it("refuses at once a body whose Content-Length is over the limit, reading none of it", async () => {
    const { port, outcomes } = await serve(100);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ port, host: "127.0.0.1", method: "POST", path: "/", agent: false, headers: { "Content-Length": "5000" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      req.write(Buffer.alloc(10)); // the rest never comes: the server must not wait for it
    });
    expect(status).toBe(413);
    expect(outcomes[0]).toMatchObject({ read: 0, tooLarge: true, error: "too large" });
  });

  it("gives the upload page room for five files and every other page a form's worth", () => {
    expect(bodyLimitFor("/complaint/files")).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimitFor("/complaint/files.data")).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimitFor("/compliment")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/complaint/service.data")).toBe(FORM_BODY_LIMIT);
    expect(UPLOAD_BODY_LIMIT).toBeGreaterThan(5 * 10 * 1024 * 1024);
  });
});
