import type { Metadata } from "next";
import { PlatformChooser } from "@/components/account/platform-chooser";
import { loadPlatformPage } from "@/lib/guardian/load-platform-page";

export const metadata: Metadata = { title: "Choose your Destiny account" };

export default async function PlatformPage() {
  const { accounts, activeId } = await loadPlatformPage();
  return <PlatformChooser accounts={accounts} activeId={activeId} />;
}
