import type { Metadata } from "next";
import { MemberSummary } from "@/components/clan/member-summary";
import { loadMemberPage } from "@/lib/clan/load-member-page";

export const metadata: Metadata = { title: "Guardian" };

export default async function ClanMemberPage({
  params,
}: {
  params: Promise<{ membershipType: string; membershipId: string }>;
}) {
  const data = await loadMemberPage(await params);
  return <MemberSummary data={data} />;
}
