import type { Metadata } from "next";
import { DigestSettingsForm } from "@/components/settings/digest-settings-form";
import { loadDigestSettings } from "@/lib/digest/load-digest-settings";

export const metadata: Metadata = { title: "Vendor digest" };

export default async function DigestSettingsPage() {
  const data = await loadDigestSettings();
  return <DigestSettingsForm data={data} />;
}
