// Recorded real Bungie responses, served as one more signed-in account ("recorded"), so an
// app can be checked against a real player's data shapes. Files may hold the full envelope
// or just its Response. Definition tables (<DefinitionName>.json) are merged over the
// generated ones: recorded entries win, generated entries stay for everything else.
import fs from "node:fs";
import path from "node:path";
import type { BungieUser } from "../world/types";

export const RECORDING_FILES = {
  memberships: "GetMembershipsForCurrentUser.json",
  linkedProfiles: "GetLinkedProfiles.json",
  profile: "GetProfile.json",
  vendors: "GetVendors.json",
} as const;

export interface Recording {
  dir: string;
  user: BungieUser;
  /** Response of GetMembershipsForCurrentUser. */
  memberships: Record<string, unknown>;
  linkedProfiles?: Record<string, unknown>;
  profile?: Record<string, unknown>;
  vendors?: Record<string, unknown>;
  /** Destiny membership ids whose reads come from the recording. */
  membershipIds: Set<string>;
  definitions: Map<string, Record<string, unknown>>;
}

function readJson(file: string): Record<string, unknown> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const value: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!value || typeof value !== "object") throw new Error(`${file}: not a JSON object`);
  const object = value as Record<string, unknown>;
  // Accept both a whole envelope and a bare Response.
  if ("ErrorCode" in object && "Response" in object) {
    const response = object.Response;
    if (!response || typeof response !== "object")
      throw new Error(`${file}: envelope without a Response object`);
    return response as Record<string, unknown>;
  }
  return object;
}

function str(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : fallback;
}

export function loadRecording(dir: string): Recording {
  const memberships = readJson(path.join(dir, RECORDING_FILES.memberships));
  if (!memberships)
    throw new Error(`record dir ${dir}: ${RECORDING_FILES.memberships} is required`);
  const bnet = (memberships.bungieNetUser ?? {}) as Record<string, unknown>;
  const destinyMemberships = Array.isArray(memberships.destinyMemberships)
    ? (memberships.destinyMemberships as Record<string, unknown>[])
    : [];
  const membershipIds = new Set(destinyMemberships.map((m) => str(m.membershipId)).filter(Boolean));
  const user: BungieUser = {
    key: "recorded",
    membershipId: str(bnet.membershipId, "1"),
    displayName: str(bnet.displayName, "Recorded Player"),
    bungieGlobalDisplayName: str(
      bnet.cachedBungieGlobalDisplayName,
      str(bnet.displayName, "Recorded Player"),
    ),
    bungieGlobalDisplayNameCode: Number(bnet.cachedBungieGlobalDisplayNameCode ?? 0),
    about: str(bnet.about),
    firstAccess: Date.parse(str(bnet.firstAccess, "2017-09-06T00:00:00Z")),
    lastUpdate: Date.parse(str(bnet.lastUpdate, "2024-01-01T00:00:00Z")),
    profilePicturePath: str(bnet.profilePicturePath, "/img/profile/avatars/default_avatar.gif"),
    profilePicture: Number(bnet.profilePicture ?? 0),
    destinyMembershipIds: [...membershipIds],
    primaryMembershipId: memberships.primaryMembershipId
      ? str(memberships.primaryMembershipId)
      : undefined,
    blurb: `Recorded responses from ${path.basename(dir)}.`,
  };
  const definitions = new Map<string, Record<string, unknown>>();
  for (const file of fs.readdirSync(dir)) {
    const match = /^(Destiny\w+Definition)\.json$/.exec(file);
    if (match?.[1]) {
      const table = readJson(path.join(dir, file));
      if (table) definitions.set(match[1], table);
    }
  }
  return {
    dir,
    user,
    memberships,
    linkedProfiles: readJson(path.join(dir, RECORDING_FILES.linkedProfiles)),
    profile: readJson(path.join(dir, RECORDING_FILES.profile)),
    vendors: readJson(path.join(dir, RECORDING_FILES.vendors)),
    membershipIds,
    definitions,
  };
}
