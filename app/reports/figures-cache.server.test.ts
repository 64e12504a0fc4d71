import { describe, expect, it } from "vitest";
import { figuresCache } from "./figures-cache.server";

describe("report figures kept a few minutes", () => {
  it("counts once while kept, again once they are too old, and keeps no failure", async () => {
    let clock = 0;
    let counted = 0;
    const cached = figuresCache(1000, 10, () => clock);
    const count = async () => ++counted;
    expect(await cached("2025", count)).toBe(1);
    clock = 999;
    expect(await cached("2025", count)).toBe(1);
    expect(await cached("2024", count)).toBe(2);
    clock = 1000;
    expect(await cached("2025", count)).toBe(3);
    await expect(cached("broken", () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
    expect(await cached("broken", count)).toBe(4);
  });

  it("keeps at most so many, the oldest going first", async () => {
    let counted = 0;
    const cached = figuresCache(60_000, 2, () => 0);
    const count = async () => ++counted;
    await cached("a", count);
    await cached("b", count);
    await cached("c", count);
    expect(await cached("b", count)).toBe(2);
    expect(await cached("a", count)).toBe(4);
  });
});
