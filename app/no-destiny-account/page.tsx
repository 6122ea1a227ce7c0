import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "No Destiny account" };

export default async function NoDestinyAccountPage() {
  const user = await requireUser("/no-destiny-account");
  return (
    <div className="border-line bg-panel mx-auto grid max-w-lg gap-3 rounded-lg border p-6">
      <h1 className="text-2xl font-bold">No Destiny 2 account found</h1>
      <p className="text-muted">
        You are signed in as <strong className="text-text">{user.bungieName}</strong>, but this
        Bungie.net account has no Destiny 2 profile on any platform. Play Destiny 2 once with a
        platform account linked to this Bungie.net account, or sign in with the Bungie.net account
        you play with.
      </p>
    </div>
  );
}
