import type { Metadata } from "next";
import { AccountOverview } from "@/components/account/account-overview";
import { UnavailablePanel } from "@/components/ui/unavailable-panel";
import { loadAccountPage } from "@/lib/guardian/load-account-page";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const view = await loadAccountPage();
  if (view.kind === "unavailable") return <UnavailablePanel view={view} retryHref="/account" />;
  return <AccountOverview view={view} />;
}
