import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { MembershipType, PLATFORM_NAMES } from "@/lib/destiny/game-facts";
import { buildMemberPage, type MemberPageData } from "./build-member-page";
import { getClanSource } from "./default-source";
import { loadCharacterNamer } from "./load-character-namer";
import { memberHref } from "./views";

/** Destiny platforms only: 254 (Bungie.net) and -1 (All) have no Destiny profile to show. */
const ParamsSchema = z.object({
  membershipType: z.coerce
    .number()
    .int()
    .refine((t) => t !== MembershipType.BungieNext && t in PLATFORM_NAMES),
  membershipId: z.string().regex(/^\d{1,20}$/),
});

/** /clan/member/[membershipType]/[membershipId] */
export async function loadMemberPage(params: {
  membershipType: string;
  membershipId: string;
}): Promise<MemberPageData> {
  const parsed = ParamsSchema.safeParse(params);
  const path = parsed.success ? memberHref(parsed.data) : "/clan";
  const user = await requireUser(path);
  if (!parsed.success) notFound();
  const viewer = await getActiveDestinyAccount(user.id);
  if (!viewer) redirect("/no-destiny-account");
  return buildMemberPage(parsed.data, viewer, {
    source: getClanSource(),
    namer: loadCharacterNamer(user.id),
    assetUrl: bungieAssetUrl,
  });
}
