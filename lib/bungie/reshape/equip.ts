import "server-only";
import type { DestinyEquipItemResults } from "bungie-api-ts/destiny2";
import { PlatformErrorCodes } from "@/lib/destiny/platform-error-codes";
import type { EquipResult } from "../types";
import { toId } from "./common";

/** EquipItems → one result per item; `ok` when its equipStatus is Success. */
export function reshapeEquipResults(data: DestinyEquipItemResults): EquipResult[] {
  return (data.equipResults ?? []).map((r) => ({
    itemInstanceId: toId(r.itemInstanceId),
    equipStatus: r.equipStatus,
    ok: r.equipStatus === PlatformErrorCodes.Success,
  }));
}
