import type { Metadata } from "next";
import { ClanHeader } from "@/components/clan/clan-header";
import { ClanRoster } from "@/components/clan/clan-roster";
import { ClanUnavailable } from "@/components/clan/clan-unavailable";
import { NoClan } from "@/components/clan/no-clan";
import { loadClanPage } from "@/lib/clan/load-clan-page";

export const metadata: Metadata = { title: "Clan" };

export default async function ClanPage() {
  const data = await loadClanPage();
  if (data.kind === "no-clan") return <NoClan />;
  if (data.kind === "unavailable")
    return <ClanUnavailable message={data.message} retryHref="/clan" />;
  return (
    <div className="grid gap-8">
      <ClanHeader clan={data.clan} viewerRank={data.viewerRank} fetchedAt={data.fetchedAt} />
      <ClanRoster members={data.members} details={data.details} now={data.now} />
    </div>
  );
}
