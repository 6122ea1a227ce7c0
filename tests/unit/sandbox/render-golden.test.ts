// GetProfile, GetCharacter and GetItem answer byte for byte the same for the same request and
// world: every component on its own and all of them together, for the owner, another player
// and an anonymous caller, over the demo player (also with a full vault), a rival, an unlinked
// player and public and private clan members. The digests were taken before the renderers
// became one table of components per scope, and again, deliberately, when the world took the real
// game's 2026 shape (power and gear tiers, currencies, loadouts, subclass sockets); they pin the
// output (key order included) so a refactor cannot change a response by accident. A deliberate
// change of a response updates them with `npx vitest run tests/unit/sandbox/render-golden.test.ts -u`.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ComponentType } from "@/lib/destiny/api-enums";
import type { Sandbox } from "@/sandbox";
import type { DestinyProfile, WorldItem } from "@/sandbox/world/types";
import { API_KEY, ORIGIN, testSandbox } from "./helpers";

const ALL = Object.values(ComponentType).filter((c) => c !== 0);
/** Every component alone, then every one together (GetProfile ignores the ones it lacks). */
const COMPONENT_SETS = [...ALL.map((c) => String(c)), ALL.join(",")];

type Viewer = "owner" | "other" | "anonymous";
const VIEWERS: readonly Viewer[] = ["owner", "other", "anonymous"];

async function text(sandbox: Sandbox, path: string, token?: string): Promise<string> {
  const response = await sandbox.handle(
    new Request(`${ORIGIN}${path}`, {
      headers: { "x-api-key": API_KEY, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }),
  );
  return `${response.status} ${await response.text()}`;
}

function digest(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\n");
  return hash.digest("hex").slice(0, 16);
}

/** The token each viewer calls with: the profile's owner, a player who is not, or none. */
function tokens(sandbox: Sandbox, profile: DestinyProfile): Record<Viewer, string | undefined> {
  const owner = [...sandbox.state.world.usersByKey.entries()].find(
    ([, user]) => user.membershipId === profile.bnetMembershipId,
  );
  const ownerToken = owner
    ? sandbox.issueToken(owner[0]).access_token
    : sandbox.state.tokens.issueTokens(
        profile.bnetMembershipId ?? "",
        sandbox.state.now(),
        sandbox.state.accessTokenTtlSeconds,
      ).access_token;
  const otherKey = owner?.[0] === "rival" ? "demo" : "rival";
  return {
    owner: ownerToken,
    other: sandbox.issueToken(otherKey).access_token,
    anonymous: undefined,
  };
}

/** One item per place the profile holds items in (equipped, inventory, postmaster, vault...). */
function sampleItems(profile: DestinyProfile): WorldItem[] {
  const byPlace = new Map<string, WorldItem>();
  for (const item of profile.items) {
    if (item.itemInstanceId === undefined) continue;
    const key = `${item.place.kind}|${item.plugs ? "plugs" : ""}|${item.stats ? "stats" : ""}`;
    if (!byPlace.has(key)) byPlace.set(key, item);
  }
  return [...byPlace.values()];
}

async function digestsOf(sandbox: Sandbox, label: string, profile: DestinyProfile) {
  const out: Record<string, string> = {};
  const who = tokens(sandbox, profile);
  const base = `/Platform/Destiny2/${profile.membershipType}/Profile/${profile.membershipId}`;
  for (const viewer of VIEWERS) {
    const token = who[viewer];
    const profileParts: string[] = [];
    for (const set of COMPONENT_SETS)
      profileParts.push(await text(sandbox, `${base}/?components=${set}`, token));
    out[`GetProfile ${label} ${viewer}`] = digest(profileParts);
    for (const character of profile.characters) {
      const parts: string[] = [];
      for (const set of COMPONENT_SETS)
        parts.push(
          await text(
            sandbox,
            `${base}/Character/${character.characterId}/?components=${set}`,
            token,
          ),
        );
      out[`GetCharacter ${label} ${character.characterId} ${viewer}`] = digest(parts);
    }
    const itemParts: string[] = [];
    for (const item of sampleItems(profile)) {
      for (const set of COMPONENT_SETS)
        itemParts.push(
          await text(sandbox, `${base}/Item/${item.itemInstanceId}/?components=${set}`, token),
        );
    }
    out[`GetItem ${label} ${viewer}`] = digest(itemParts);
  }
  return out;
}

function profilesOf(sandbox: Sandbox, key: string): DestinyProfile[] {
  const user = sandbox.state.world.usersByKey.get(key);
  if (!user) throw new Error(`no user ${key}`);
  return user.destinyMembershipIds.flatMap((id) => {
    const profile = sandbox.state.profile(id);
    return profile && profile.availability !== "missing" && !profile.isOverridden ? [profile] : [];
  });
}

function clanProfiles(sandbox: Sandbox): {
  publicMember: DestinyProfile;
  privateMember: DestinyProfile;
} {
  const demoIds = new Set(
    ["demo", "rival", "unlinked", "nodestiny"].flatMap(
      (key) => sandbox.state.world.usersByKey.get(key)?.destinyMembershipIds ?? [],
    ),
  );
  const others = [...sandbox.state.world.profiles.keys()]
    .filter((id) => !demoIds.has(id))
    .map((id) => sandbox.state.profile(id))
    .filter((p): p is DestinyProfile => p !== undefined && p.characters.length > 0);
  const publicMember = others.find((p) => p.availability === "public");
  const privateMember = others.find((p) => p.availability === "private");
  if (!publicMember || !privateMember) throw new Error("clan members missing");
  return { publicMember, privateMember };
}

describe("sandbox renderings (golden digests)", () => {
  it("answer GetProfile, GetCharacter and GetItem as before, for every component and caller", async () => {
    const { sandbox } = testSandbox();
    const digests: Record<string, string> = {};
    const [demo] = profilesOf(sandbox, "demo");
    const [rival] = profilesOf(sandbox, "rival");
    const unlinked = profilesOf(sandbox, "unlinked");
    const { publicMember, privateMember } = clanProfiles(sandbox);
    if (!demo || !rival || unlinked.length === 0) throw new Error("demo profiles missing");
    Object.assign(digests, await digestsOf(sandbox, "demo", demo));
    Object.assign(digests, await digestsOf(sandbox, "rival", rival));
    for (const [i, profile] of unlinked.entries())
      Object.assign(digests, await digestsOf(sandbox, `unlinked${i}`, profile));
    Object.assign(digests, await digestsOf(sandbox, "clan-public", publicMember));
    Object.assign(digests, await digestsOf(sandbox, "clan-private", privateMember));

    const full = testSandbox({ fullVault: true }).sandbox;
    const [fullDemo] = profilesOf(full, "demo");
    if (!fullDemo) throw new Error("full-vault demo profile missing");
    Object.assign(digests, await digestsOf(full, "demo-full-vault", fullDemo));

    expect(digests).toMatchSnapshot();
  }, 120_000);
});
