import { describe, expect, it } from "vitest";
import { FairQueue, type Priority } from "@/lib/bungie/fair-queue";

type Call = { priority: Priority; player: string; label: string };
const call = (priority: Priority, player: string, label = `${player}`): Call => ({
  priority,
  player,
  label,
});

function drain(queue: FairQueue<Call>): string[] {
  const out: string[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) out.push(next.label);
  return out;
}

describe("FairQueue", () => {
  it("serves the highest priority class first, whatever the arrival order", () => {
    const queue = new FairQueue<Call>();
    queue.push(call("background", "d"));
    queue.push(call("page", "p"));
    queue.push(call("action", "a"));
    queue.push(call("token", "t"));
    expect(queue.size).toBe(4);
    expect(drain(queue)).toEqual(["t", "a", "p", "d"]);
    expect(queue.size).toBe(0);
  });

  it("goes round-robin across players within a class, each player's calls in order", () => {
    const queue = new FairQueue<Call>();
    for (let i = 0; i < 50; i++) queue.push(call("page", "fan", `fan-${i}`));
    queue.push(call("page", "other", "other"));
    queue.push(call("page", "third", "third"));
    const order = drain(queue);
    // The one-call players come within the next couple of grants, not after 50.
    expect(order.slice(0, 4)).toEqual(["fan-0", "other", "third", "fan-1"]);
    expect(order.filter((o) => o.startsWith("fan-"))).toEqual(
      Array.from({ length: 50 }, (_, i) => `fan-${i}`),
    );
  });

  it("removes a call that stopped waiting, and only once", () => {
    const queue = new FairQueue<Call>();
    const a = call("page", "a");
    const b = call("page", "b");
    queue.push(a);
    queue.push(b);
    expect(queue.remove(a)).toBe(true);
    expect(queue.remove(a)).toBe(false);
    expect(queue.size).toBe(1);
    expect(drain(queue)).toEqual(["b"]);
    expect(queue.shift()).toBeUndefined();
  });
});
