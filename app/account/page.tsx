import type { Metadata } from "next";
import { AccountOverview } from "@/components/account/account-overview";
import { AccountSkeleton } from "@/components/account/account-skeleton";
import { UnavailablePanel } from "@/components/ui/unavailable-panel";
import { WhenReady } from "@/components/ui/when-ready";
import { loadAccountPage } from "@/lib/guardian/load-account-page";

export const metadata: Metadata = { title: "Account" };

export default function AccountPage() {
  return (
    <WhenReady data={loadAccountPage()} fallback={<AccountSkeleton />}>
      {(view) =>
        view.kind === "unavailable" ? (
          <UnavailablePanel view={view} retryHref="/account" />
        ) : (
          <AccountOverview view={view} />
        )
      }
    </WhenReady>
  );
}
