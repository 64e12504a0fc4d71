// Every request body the portal reads comes through here, capped: forms, multipart uploads and Remix's `.data`
// requests alike. A body that passes its cap stops being read at once, and the reader sees a BodyTooLarge
// error, which the form readers turn into a translated 413 page.
import type { IncomingMessage } from "node:http";
import { MAX_FILE_BYTES, MAX_FILES } from "~/uploads/file-type";

/** The largest form a page can need (a few long answers); anything bigger is refused. */
export const FORM_BODY_LIMIT = 64 * 1024;
/** Five full-size files plus room for the text fields and multipart framing. */
export const UPLOAD_BODY_LIMIT = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;

/**
 * The pages that take files, with or without JavaScript (Remix posts to `<path>.data`): the complaint form's
 * files page, and adding information to a complaint.
 */
const UPLOAD_PATHS = /^\/(?:complaint\/files|complaints\/[A-Za-z0-9-]{1,40}\/add-information)(?:\.data)?$/;

/** True for a page that takes files. */
export function takesFiles(pathname: string): boolean {
  return UPLOAD_PATHS.test(pathname);
}

export function bodyLimitFor(pathname: string): number {
  return takesFiles(pathname) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Request body over ${limit} bytes`);
    this.name = "BodyTooLarge";
  }
}

/** True for the error a capped body gives when it passes its limit, however a reader wrapped it. */
export function isBodyTooLarge(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof BodyTooLarge || (current as { name?: unknown }).name === "BodyTooLarge") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export type CappedBody = {
  stream: ReadableStream<Uint8Array>;
  /** Whether the body passed its cap, whether it was read to its end, and how many bytes were read. */
  readonly state: { tooLarge: boolean; finished: boolean; received: number };
  /** Stops feeding the stream, so what is left of the body can be drained. */
  detach: () => void;
};

/** How much of a body left unread after the answer is read and thrown away so the connection can be reused. */
export const DRAIN_BYTES = 1024 * 1024;
const DRAIN_MS = 5_000;
/** Closing: how long the client is given to read the answer before the connection is let go. */
const LINGER_MS = 2_000;

/**
 * After the answer to a request whose body was not read to its end (refused for its size, or not needed):
 * reads and discards up to DRAIN_BYTES more, so the client's next request on this connection is answered, or
 * closes the connection when more comes or it takes too long. When the answer itself closes the connection
 * ("Connection: close", because the client asked or a large body was declared), Node has already ended the socket
 * and would destroy it as soon as the end is sent (net.Socket#destroySoon).
 * Closing lingers instead: the server stops reading and lets the connection go only LINGER_MS later. Letting go
 * of a connection with unread data resets it, and a reset that comes at once can reach the client before it has
 * read the answer; meanwhile what the client still sends waits in the network's buffers, costing nothing.
 */
export function drainOrClose(req: IncomingMessage): void {
  const socket = req.socket;
  let drained = 0;
  const linger = () => {
    stop();
    req.pause();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) linger();
  };
  const stop = () => {
    clearTimeout(timer);
    req.off("data", onData);
    req.off("end", stop);
  };
  const timer = setTimeout(linger, DRAIN_MS);
  timer.unref();
  if (socket.writableEnded) {
    socket.removeListener("finish", socket.destroy);
    linger();
    return;
  }
  req.on("data", onData);
  req.on("end", stop);
  req.resume();
}

/**
 * The request's body as a web stream that errors with BodyTooLarge once more than `limit` bytes arrive (or at
 * once when Content-Length says so). Reading is pulled by the reader: nothing is buffered beyond one chunk.
 */
export function cappedBody(req: IncomingMessage, limit: number): CappedBody {
  const state = { tooLarge: false, finished: false, received: 0 };
  const declared = Number(req.headers["content-length"]);
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (Number.isFinite(declared) && declared > limit) {
          state.tooLarge = true;
          controller.error(new BodyTooLarge(limit));
          return;
        }
        const onData = (chunk: Buffer) => {
          state.received += chunk.length;
          if (state.received > limit) {
            state.tooLarge = true;
            cleanup();
            controller.error(new BodyTooLarge(limit));
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        };
        const onEnd = () => {
          state.finished = true;
          cleanup();
          controller.close();
        };
        const onError = (error: Error) => {
          cleanup();
          controller.error(error);
        };
        cleanup = () => {
          req.off("data", onData);
          req.off("end", onEnd);
          req.off("error", onError);
        };
        req.on("data", onData);
        req.on("end", onEnd);
        req.on("error", onError);
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        cleanup();
        req.pause();
      },
    },
    { highWaterMark: 1 },
  );
  return { stream, state, detach: () => cleanup() };
}
