import type { Metadata } from "next";
import { PlatformChooser } from "@/components/account/platform-chooser";
import { requireUser } from "@/lib/auth/current-user";
import { getActiveDestinyAccount, listDestinyAccounts } from "@/lib/auth/destiny-account";

export const metadata: Metadata = { title: "Choose your Destiny account" };

export default async function PlatformPage() {
  const user = await requireUser("/account/platform");
  const [accounts, active] = await Promise.all([
    listDestinyAccounts(user.id),
    getActiveDestinyAccount(user.id),
  ]);
  return <PlatformChooser accounts={accounts} activeId={active?.membershipId ?? null} />;
}
