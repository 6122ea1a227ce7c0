import { describe, expect, it } from "vitest";
import { EQUIP_LOCATION_RULE, inActivityMessage } from "@/lib/destiny/move-planner";
import { PlatformErrorCodes } from "@/lib/destiny/platform-error-codes";
import { equipSetFailure, explainEquipStatus } from "@/lib/guardian/equip-status";

describe("equip statuses in words", () => {
  it("words each status the game gives for one item of EquipItems", () => {
    expect(explainEquipStatus(PlatformErrorCodes.DestinyCannotPerformActionAtThisLocation)).toBe(
      "equipping works only in orbit, a social space or offline",
    );
    expect(explainEquipStatus(PlatformErrorCodes.DestinyCharacterNotInTower)).toBe(
      EQUIP_LOCATION_RULE,
    );
    expect(explainEquipStatus(PlatformErrorCodes.DestinyItemUniqueEquipRestricted)).toBe(
      "only one exotic of a kind can be equipped",
    );
    expect(explainEquipStatus(PlatformErrorCodes.DestinyItemNotFound)).toBe(
      "not found on the character",
    );
    expect(explainEquipStatus(1699)).toBe("Bungie error 1699");
  });

  it("says the location rule in the same words as the planner's refusal", () => {
    expect(inActivityMessage("Hunter")).toBe(
      `Your Hunter is in an activity: ${EQUIP_LOCATION_RULE}. Go to orbit and try again.`,
    );
  });

  it("names every item that stayed unequipped, with its reason", () => {
    const names: Record<string, string> = { "1": "Gjallarhorn" };
    expect(
      equipSetFailure(
        [
          {
            itemInstanceId: "1",
            equipStatus: PlatformErrorCodes.DestinyItemUniqueEquipRestricted,
            ok: false,
          },
          { itemInstanceId: "2", equipStatus: PlatformErrorCodes.DestinyItemNotFound, ok: false },
        ],
        (id) => names[id],
      ),
    ).toBe(
      "Some items couldn't be equipped: Gjallarhorn (only one exotic of a kind can be equipped); An item (not found on the character).",
    );
  });
});
