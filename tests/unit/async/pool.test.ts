import { describe, expect, it } from "vitest";
import { createPool } from "@/lib/async/pool";

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("createPool", () => {
  it("runs at most `limit` tasks at once, in submission order", async () => {
    const pool = createPool(2);
    const gates = [0, 1, 2, 3].map(() => deferred());
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      pool.run(async () => {
        started.push(i);
        await gate.promise;
        return i * 10;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(pool.active).toBe(2);
    expect(pool.waiting).toBe(2);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    gates[3]!.resolve();
    expect(await Promise.all(results)).toEqual([0, 10, 20, 30]);
    expect(pool.peak).toBe(2);
    expect(pool.active).toBe(0);
  });

  it("frees the slot of a task that fails, even synchronously", async () => {
    const pool = createPool(1);
    await expect(
      pool.run(() => {
        throw new Error("sync boom");
      }),
    ).rejects.toThrow("sync boom");
    await expect(pool.run(() => Promise.reject(new Error("async boom")))).rejects.toThrow(
      "async boom",
    );
    expect(await pool.run(async () => "still works")).toBe("still works");
  });

  it("refuses a limit below one", () => {
    expect(() => createPool(0)).toThrow(RangeError);
  });
});
