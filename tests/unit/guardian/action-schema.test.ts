import { describe, expect, it } from "vitest";
import { ChooseCharacterSchema, parseItemAction } from "@/lib/guardian/action-schema";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

describe("inventory action input", () => {
  it("reads every intent into a typed request", () => {
    expect(
      parseItemAction(form({ intent: "move", itemKey: "6917529123456789012", to: "vault" })),
    ).toEqual({
      ok: true,
      request: { intent: "move", itemKey: "6917529123456789012", to: "vault", quantity: undefined },
    });
    expect(
      parseItemAction(
        form({ intent: "move", itemKey: "1234@profile", to: "2305843009200000002", quantity: "7" }),
      ),
    ).toEqual({
      ok: true,
      request: {
        intent: "move",
        itemKey: "1234@profile",
        to: { characterId: "2305843009200000002" },
        quantity: 7,
      },
    });
    expect(
      parseItemAction(form({ intent: "equip", itemKey: "1", characterId: "2" })),
    ).toMatchObject({ ok: true, request: { intent: "equip", itemKey: "1", characterId: "2" } });
    expect(parseItemAction(form({ intent: "pull", itemKey: "55@pm:2#2" }))).toMatchObject({
      ok: true,
      request: { intent: "pull", itemKey: "55@pm:2#2" },
    });
    expect(parseItemAction(form({ intent: "lock", itemKey: "1", locked: "false" }))).toEqual({
      ok: true,
      request: { intent: "lock", itemKey: "1", locked: false },
    });
    expect(
      parseItemAction(form({ intent: "equip-set", itemKeys: ["1", "2"], characterId: "3" })),
    ).toEqual({
      ok: true,
      request: { intent: "equip-set", itemKeys: ["1", "2"], characterId: "3" },
    });
  });

  it("refuses anything else with a clear message, naming no one", () => {
    expect(parseItemAction(form({ intent: "delete", itemKey: "1" }))).toEqual({
      ok: false,
      error: "That is not something Warmind can do with an item.",
    });
    expect(parseItemAction(form({ intent: "move", itemKey: "1; DROP", to: "vault" }))).toEqual({
      ok: false,
      error: "That is not an item of your inventory.",
    });
    expect(parseItemAction(form({ intent: "move", itemKey: "1", to: "elsewhere" }))).toMatchObject({
      ok: false,
    });
    expect(parseItemAction(form({ intent: "equip", itemKey: "1", characterId: "-5" }))).toEqual({
      ok: false,
      error: "That is not a Destiny id.",
    });
    expect(parseItemAction(form({ intent: "lock", itemKey: "1", locked: "maybe" }))).toMatchObject({
      ok: false,
    });
    expect(parseItemAction(form({ intent: "equip-set", characterId: "3" }))).toEqual({
      ok: false,
      error: "Choose at least one item.",
    });
    expect(
      parseItemAction(form({ intent: "move", itemKey: "1", to: "vault", quantity: "0" })),
    ).toMatchObject({ ok: false });
    // The player is never part of the request: extra fields are ignored, not trusted.
    const withMembership = parseItemAction(
      form({ intent: "pull", itemKey: "1", membershipId: "4611686018400000000" }),
    );
    expect(withMembership).toEqual({ ok: true, request: { intent: "pull", itemKey: "1" } });
  });

  it("accepts only our own page as the place to go after choosing a character", () => {
    expect(ChooseCharacterSchema.safeParse({ characterId: "2", next: "/inventory" }).success).toBe(
      true,
    );
    expect(
      ChooseCharacterSchema.safeParse({ characterId: "2", next: "https://evil.example" }).success,
    ).toBe(false);
    expect(ChooseCharacterSchema.safeParse({ characterId: "x" }).success).toBe(false);
  });
});
