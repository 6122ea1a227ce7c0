import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import {
  getActiveDestinyAccount,
  listDestinyAccounts,
  type DestinyAccount,
} from "@/lib/auth/destiny-account";

export type PlatformPageData = { accounts: DestinyAccount[]; activeId: string | null };

/** /account/platform: the player's Destiny accounts, and the one Warmind shows now. */
export async function loadPlatformPage(): Promise<PlatformPageData> {
  const user = await requireUser("/account/platform");
  const [accounts, active] = await Promise.all([
    listDestinyAccounts(user.id),
    getActiveDestinyAccount(user.id),
  ]);
  return { accounts, activeId: active?.membershipId ?? null };
}
