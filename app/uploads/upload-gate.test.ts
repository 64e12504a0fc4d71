import { describe, expect, it } from "vitest";
import { Overloaded } from "~/http/page-limiter.server";
import { UploadGate, uploadLimitsFromEnv } from "./upload-gate.server";

function gate() {
  let opened = () => {};
  const open = new Promise<void>((resolve) => (opened = resolve));
  return { open, opened };
}

describe("uploads taking turns", () => {
  it("reads one upload at a time, lets a few wait, and refuses the rest at once", async () => {
    const uploads = new UploadGate({ concurrency: 1, maxWaiting: 1, maxWaitMs: 5_000, perClient: 5 });
    const { open, opened } = gate();
    const order: string[] = [];
    const first = uploads.run("a", async () => {
      order.push("first began");
      await open;
      order.push("first ended");
    });
    const second = uploads.run("b", async () => void order.push("second began"));
    await expect(uploads.run("c", async () => "third")).rejects.toBeInstanceOf(Overloaded);
    opened();
    await Promise.all([first, second]);
    expect(order).toEqual(["first began", "first ended", "second began"]);
  });

  it("gives one client at most its share at once, without holding others up", async () => {
    const uploads = new UploadGate({ concurrency: 4, maxWaiting: 8, maxWaitMs: 5_000, perClient: 2 });
    const { open, opened } = gate();
    const held = [uploads.run("advice-office", () => open), uploads.run("advice-office", () => open)];
    expect(await uploads.run("advice-office", async () => "third")).toEqual({ ok: false, reason: "client busy" });
    expect(await uploads.run("resident", async () => "theirs")).toEqual({ ok: true, value: "theirs" });
    opened();
    await Promise.all(held);
    expect(await uploads.run("advice-office", async () => "later")).toEqual({ ok: true, value: "later" });
  });

  it("frees a client's share when an upload fails", async () => {
    const uploads = new UploadGate({ concurrency: 1, maxWaiting: 1, maxWaitMs: 5_000, perClient: 1 });
    await expect(uploads.run("a", async () => Promise.reject(new Error("store failed")))).rejects.toThrow("store failed");
    expect(await uploads.run("a", async () => "again")).toEqual({ ok: true, value: "again" });
  });

  it("reads one upload at a time on PGlite and two per worker on PostgreSQL, unless configured", () => {
    expect(uploadLimitsFromEnv({})).toMatchObject({ concurrency: 1, perClient: 2 });
    expect(uploadLimitsFromEnv({ DATABASE_URL: "postgres://x" })).toMatchObject({ concurrency: 2 });
    expect(uploadLimitsFromEnv({ UPLOAD_CONCURRENCY: "3", UPLOADS_PER_CLIENT_AT_ONCE: "4" })).toMatchObject({ concurrency: 3, perClient: 4 });
    expect(() => uploadLimitsFromEnv({ UPLOAD_CONCURRENCY: "0" })).toThrow(/UPLOAD_CONCURRENCY/);
  });
});
