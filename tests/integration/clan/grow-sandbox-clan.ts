// The sandbox's demo clan has ~60 members and its control API has no way to make it bigger, so
// the 100-member figures grow it in-process: extra members are copies of the public members
// (own membership ids, names and characters, offline), as GetMembersOfGroup and GetProfile
// would serve a full clan. Used by the clan integration tests and bench/clan.ts.
import type { Sandbox } from "../../../sandbox/index";

export function growSandboxClan(sandbox: Sandbox, size: number): void {
  const world = sandbox.state.world;
  const clan = world.clans[0];
  if (!clan) throw new Error("the sandbox has no clan");
  const templates = clan.members.filter(
    (m) => world.profiles.get(m.membershipId)?.availability === "public",
  );
  for (let i = 0; clan.members.length < size; i++) {
    const template = templates[i % templates.length]!;
    const source = sandbox.state.profile(template.membershipId)!;
    const membershipId = String(4611686018499000000n + BigInt(i));
    world.profiles.set(membershipId, {
      ...source,
      membershipId,
      bungieGlobalDisplayName: `Recruit ${String(i + 1).padStart(2, "0")}`,
      bungieGlobalDisplayNameCode: 1000 + i,
      displayName: `recruit${i + 1}`,
      bnetMembershipId: undefined,
      characters: source.characters.map((c, k) => ({
        ...c,
        characterId: String(2305843009299000000n + BigInt(i * 3 + k)),
      })),
      items: [],
      byInstanceId: new Map(),
      populate: undefined,
      version: 1,
    });
    clan.members.push({
      ...template,
      membershipId,
      bnetMembershipId: undefined,
      memberType: 2,
      isOnline: false,
    });
  }
}
