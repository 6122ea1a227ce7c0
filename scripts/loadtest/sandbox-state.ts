// The sandbox's own account of a player's items (GET /__sandbox/state), and the checks that a
// load run lost nothing, duplicated nothing, and that the app shows what the sandbox holds.

export type SandboxItem = {
  itemInstanceId?: string;
  itemHash: number;
  quantity: number;
  where: string;
};
export type SandboxProfile = {
  membershipId: string;
  items: SandboxItem[];
  stackTotals: Record<string, number>;
};

export async function readSandboxState(origin: string, user: string): Promise<SandboxProfile[]> {
  const response = await fetch(
    `${origin}/sandbox/__sandbox/state?user=${encodeURIComponent(user)}`,
  );
  if (!response.ok) throw new Error(`sandbox state for ${user}: ${response.status}`);
  const body = (await response.json()) as { profiles: SandboxProfile[] };
  return body.profiles;
}

/** A POST to the sandbox's control API; answers its JSON. */
export async function sandboxControl<T = Record<string, unknown>>(
  origin: string,
  call: string,
  body: unknown = {},
): Promise<T> {
  const response = await fetch(`${origin}/sandbox/__sandbox/${call}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${call}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Problems between two snapshots of the same user: lost, duplicated or conjured items. */
export function conservationProblems(
  user: string,
  before: SandboxProfile[],
  after: SandboxProfile[],
): string[] {
  const problems: string[] = [];
  for (const start of before) {
    const end = after.find((p) => p.membershipId === start.membershipId);
    if (!end) {
      problems.push(`${user}: profile ${start.membershipId} vanished`);
      continue;
    }
    const ids = (p: SandboxProfile) =>
      p.items.flatMap((i) => (i.itemInstanceId ? [i.itemInstanceId] : []));
    const startIds = new Set(ids(start));
    const endIds = ids(end);
    const endSet = new Set(endIds);
    if (endSet.size !== endIds.length)
      problems.push(`${user}/${start.membershipId}: duplicated instance ids`);
    for (const id of startIds)
      if (!endSet.has(id)) problems.push(`${user}/${start.membershipId}: item ${id} lost`);
    for (const id of endSet)
      if (!startIds.has(id)) problems.push(`${user}/${start.membershipId}: item ${id} appeared`);
    const hashes = new Set([...Object.keys(start.stackTotals), ...Object.keys(end.stackTotals)]);
    for (const hash of hashes) {
      if ((start.stackTotals[hash] ?? 0) !== (end.stackTotals[hash] ?? 0)) {
        problems.push(
          `${user}/${start.membershipId}: stack ${hash} went ${start.stackTotals[hash] ?? 0} → ${end.stackTotals[hash] ?? 0}`,
        );
      }
    }
  }
  return problems;
}

type ViewItem = {
  itemInstanceId: string | null;
  location: string;
  ownerCharacterId: string | null;
  name: string;
};

/** Instanced items the app places somewhere other than the sandbox does. */
export function placementProblems(
  user: string,
  viewItems: ViewItem[],
  profiles: SandboxProfile[],
): string[] {
  const where = new Map<string, string>();
  for (const profile of profiles)
    for (const item of profile.items)
      if (item.itemInstanceId) where.set(item.itemInstanceId, item.where);
  const problems: string[] = [];
  for (const item of viewItems) {
    if (!item.itemInstanceId) continue;
    const shown = item.ownerCharacterId
      ? `${item.location}:${item.ownerCharacterId}`
      : item.location;
    const real = where.get(item.itemInstanceId);
    if (real !== shown)
      problems.push(
        `${user}: ${item.name} (${item.itemInstanceId}) shown ${shown}, sandbox has ${real ?? "nothing"}`,
      );
  }
  return problems;
}
