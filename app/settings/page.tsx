import { redirect } from "next/navigation";

// The digest is the only setting so far.
export default function SettingsPage() {
  redirect("/settings/digest");
}
