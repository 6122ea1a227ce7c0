import type { Metadata } from "next";
import { ClanHeader } from "@/components/clan/clan-header";
import { ClanPageSkeleton } from "@/components/clan/clan-page-skeleton";
import { ClanRoster } from "@/components/clan/clan-roster";
import { ClanUnavailable } from "@/components/clan/clan-unavailable";
import { NoClan } from "@/components/clan/no-clan";
import { WhenReady } from "@/components/ui/when-ready";
import { loadClanPage } from "@/lib/clan/load-clan-page";

export const metadata: Metadata = { title: "Clan" };

export default function ClanPage() {
  return (
    <WhenReady data={loadClanPage()} fallback={<ClanPageSkeleton />}>
      {(data) =>
        data.kind === "no-clan" ? (
          <NoClan />
        ) : data.kind === "unavailable" ? (
          <ClanUnavailable message={data.message} retryHref="/clan" />
        ) : (
          <div className="grid gap-8">
            <ClanHeader clan={data.clan} viewerRank={data.viewerRank} fetchedAt={data.fetchedAt} />
            <ClanRoster members={data.members} details={data.details} now={data.now} />
          </div>
        )
      }
    </WhenReady>
  );
}
