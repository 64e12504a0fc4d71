// Virus scanning of supporting files with ClamAV's daemon, clamd (Debian's clamav-daemon), when CLAMD_SOCKET names
// its socket: a Unix socket path, or host:port for TCP. A file is streamed to clamd as it arrives, beside being
// stored, with clamd's INSTREAM command: "zINSTREAM\0", then each chunk as a 4-byte big-endian length and its
// bytes, then a zero length; clamd answers "stream: OK" or "stream: <signature> FOUND". The protocol is this
// small, so it is written here rather than taken from a package (the maintained clients wrap the clamscan binary,
// or are unmaintained). Without CLAMD_SOCKET, or when clamd cannot be reached or gives any other answer, the file
// is kept but marked "unscanned", and whoever opens it is told so.
import { connect, type Socket } from "node:net";

export type ScanVerdict =
  | { result: "clean" }
  | { result: "infected"; signature: string }
  | { result: "unscanned"; reason: string };

export type Scan = {
  /** Sends the next piece of the file; waits when clamd is slower than the upload. */
  write: (chunk: Uint8Array) => Promise<void>;
  /** Ends the file and gives clamd's verdict. Never throws. */
  verdict: () => Promise<ScanVerdict>;
};

/** How long clamd may take to answer once the whole file has been sent. */
const VERDICT_TIMEOUT_MS = 30_000;

function connectTo(address: string): Socket {
  const tcp = /^([^/:]+):(\d+)$/.exec(address);
  return tcp ? connect({ host: tcp[1]!, port: Number(tcp[2]) }) : connect({ path: address });
}

/** A scan that is never made: the file is kept as unscanned. */
function notScanned(reason: string): Scan {
  return { write: async () => {}, verdict: async () => ({ result: "unscanned", reason }) };
}

/** Starts scanning one file with clamd at `address` (CLAMD_SOCKET when not given). */
export function startScan(address: string | undefined = process.env.CLAMD_SOCKET): Scan {
  if (!address) return notScanned("no scanner configured (CLAMD_SOCKET)");
  const socket = connectTo(address);
  let failed: string | null = null;
  let reply = "";
  const replied = new Promise<void>((resolve) => {
    socket.on("data", (data: Buffer) => {
      reply += data.toString("latin1");
      if (reply.includes("\0")) resolve();
    });
    socket.on("end", () => resolve());
    socket.on("close", () => resolve());
    socket.on("error", (error: NodeJS.ErrnoException) => {
      failed ??= error.code ?? error.message;
      resolve();
    });
  });
  socket.write("zINSTREAM\0");

  const send = (data: Buffer) =>
    new Promise<void>((resolve) => {
      if (failed || socket.destroyed) return resolve();
      if (socket.write(data)) resolve();
      else {
        const done = () => {
          socket.off("drain", done);
          socket.off("close", done);
          resolve();
        };
        socket.once("drain", done);
        socket.once("close", done);
      }
    });

  return {
    async write(chunk) {
      if (chunk.length === 0) return;
      const length = Buffer.alloc(4);
      length.writeUInt32BE(chunk.length);
      await send(length);
      await send(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    },
    async verdict() {
      await send(Buffer.alloc(4)); // a zero length: the end of the file
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          failed ??= "no answer in time";
          resolve();
        }, VERDICT_TIMEOUT_MS);
      });
      await Promise.race([replied, timedOut]);
      clearTimeout(timer);
      socket.destroy();
      const answer = reply.split("\0")[0]!.trim();
      if (answer === "stream: OK") return { result: "clean" };
      const found = /^stream: (.+) FOUND$/.exec(answer);
      if (found) return { result: "infected", signature: found[1]! };
      return { result: "unscanned", reason: failed ?? `clamd answered "${answer.slice(0, 100)}"` };
    },
  };
}
