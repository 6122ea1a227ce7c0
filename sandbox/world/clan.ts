// The demo clan: 60 members by default (2 to 100, Bungie's cap, with the clanSize option) across
// platforms, ranks, online states and join dates, each with a public Destiny profile (a few
// private or broken), plus one member whose name is an XSS probe so apps can prove they escape
// what Bungie sends them.
import { MembershipType } from "../../lib/destiny/game-facts";
import type { AccountBuildContext } from "./accounts";
import { CLAN_SIZE } from "./clan-size";
import { createIdSequence, type GenContext } from "./items";
import { type CharacterSpec, createCharacter, createProfile, outfitCharacter } from "./profiles";
import type { BungieUser, Clan, ClanMember, DestinyProfile } from "./types";

const FIRST = [
  "Nova",
  "Ember",
  "Vesper",
  "Rook",
  "Cipher",
  "Talon",
  "Orion",
  "Ash",
  "Lumen",
  "Drift",
  "Echo",
  "Kestrel",
  "Sable",
  "Vanta",
  "Zephyr",
  "Hex",
  "Quill",
  "Rune",
  "Solace",
  "Corvid",
  "Mira",
  "Juno",
  "Wren",
  "Atlas",
];
const SECOND = [
  "Runner",
  "Walker",
  "Blade",
  "Warden",
  "Spark",
  "Fall",
  "Light",
  "Shade",
  "Storm",
  "Hunter",
  "Song",
  "Born",
  "Heart",
  "Wing",
  "Fang",
  "Forge",
];

/** Special members the README documents. */
const SPECIAL_NAMES: readonly (readonly [string, string])[] = [
  ["Saint Ashfall", "Saint Ashfall"],
  ["<script>alert(1)</script>", "<script>alert(1)</script>"],
  ["Ŝhàdöw ☆ 影", "Ŝhàdöw ☆ 影"],
  ["TheLongestGuardianNameEverSeen", "TheLongestGuardianNameEverSeenInTheTower_42"],
];

export interface ClanBuildContext extends AccountBuildContext {
  /** Members, the demo player included (CLAN_SIZE.min to CLAN_SIZE.max). */
  clanSize: number;
}

export function buildClan(
  ctx: ClanBuildContext,
  demoUser: BungieUser,
  demoProfile: DestinyProfile,
): { clan: Clan; users: BungieUser[]; profiles: DestinyProfile[] } {
  const size = ctx.clanSize;
  if (!Number.isInteger(size) || size < CLAN_SIZE.min || size > CLAN_SIZE.max)
    throw new RangeError(`clanSize must be an integer from ${CLAN_SIZE.min} to ${CLAN_SIZE.max}`);
  const prng = ctx.gen.prng.fork("clan");
  const users: BungieUser[] = [];
  const profiles: DestinyProfile[] = [];
  const members: ClanMember[] = [];
  const groupId = ctx.ids.group();
  const creationDate = Date.UTC(2018, 8, 14, 19, 30);
  const day = 86_400_000;
  const usedNames = new Set<string>();
  const platforms = [
    MembershipType.TigerSteam,
    MembershipType.TigerSteam,
    MembershipType.TigerSteam,
    MembershipType.TigerPsn,
    MembershipType.TigerPsn,
    MembershipType.TigerXbox,
    MembershipType.TigerXbox,
    MembershipType.TigerEgs,
  ];

  // Member i draws the same numbers whatever the size, so a bigger clan is the default one with
  // more members after it (ranks aside: the last six generated are beginners). The first four
  // are the special names and members 7, 12, 19, 33 and 41 the private and broken profiles; a
  // smaller clan has fewer of them. 95 generated names out of FIRST x SECOND's 384 leave the
  // retry below plenty of room.
  for (let i = 0; i < size - 1; i++) {
    const special = SPECIAL_NAMES[i];
    let name: string;
    let platformName: string;
    if (special) {
      [name, platformName] = special;
    } else {
      do name = `${prng.pick(FIRST)} ${prng.pick(SECOND)}`;
      while (usedNames.has(name));
      platformName = prng.chance(0.5)
        ? name.replace(" ", "")
        : name.toLowerCase().replace(" ", "_");
    }
    usedNames.add(name);
    const code = prng.int(1, 9999);
    const membershipType = i === 0 ? MembershipType.TigerSteam : prng.pick(platforms);
    const bnetId = ctx.ids.bungieNet();
    const user: BungieUser = {
      membershipId: bnetId,
      displayName: name,
      bungieGlobalDisplayName: name,
      bungieGlobalDisplayNameCode: code,
      about: "",
      firstAccess: Date.UTC(2016 + prng.int(0, 6), prng.int(0, 11), prng.int(1, 28)),
      lastUpdate: ctx.createdAt - prng.int(1, 200) * day,
      profilePicturePath: `/img/profile/avatars/cc${prng.int(10, 99)}.png`,
      profilePicture: prng.int(70000, 79999),
      destinyMembershipIds: [],
    };
    // A few members hide their profile or have a broken one, so apps show those states.
    const availability: DestinyProfile["availability"] =
      i === 7 || i === 19 || i === 33 ? "private" : i === 12 || i === 41 ? "missing" : "public";
    const profile = createProfile({
      membershipId: ctx.ids.destinyMembership(),
      membershipType,
      displayName: platformName,
      bungieGlobalDisplayName: name,
      bungieGlobalDisplayNameCode: code,
      crossSaveOverride: prng.chance(0.5) ? membershipType : 0,
      applicableMembershipTypes: [membershipType],
      isOverridden: false,
      isCrossSavePrimary: false,
      bnetMembershipId: bnetId,
      availability,
    });
    profile.crossSaveOverride = profile.crossSaveOverride === 0 ? 0 : membershipType;
    profile.isCrossSavePrimary = profile.crossSaveOverride !== 0;
    profile.isPublic = availability === "public";
    user.destinyMembershipIds.push(profile.membershipId);
    if (profile.isCrossSavePrimary) user.primaryMembershipId = profile.membershipId;

    const isOnline = i < 14 && prng.chance(0.7);
    const characterCount = prng.int(1, 3);
    const classes = prng.shuffle([0, 1, 2] as const);
    const specs: CharacterSpec[] = [];
    for (let c = 0; c < characterCount; c++) {
      specs.push({
        classType: classes[c] ?? 0,
        raceType: prng.int(0, 2) as 0 | 1 | 2,
        genderType: prng.int(0, 1) as 0 | 1,
        hoursSinceLastPlayed: isOnline && c === 0 ? 0.2 : prng.int(3, 24 * 120) + c * 10,
        minutesPlayedTotal: prng.int(600, 120_000),
        power: prng.int(10, 550),
        exoticArmor: prng.chance(0.6),
        perBucket: [0, 0],
        postmaster: 0,
      });
    }
    const gen: GenContext = {
      ...ctx.gen,
      prng: ctx.gen.prng.fork(`member:${profile.membershipId}`),
      nextId: createIdSequence(
        ctx.seed,
        ctx.nextProfileIndex(),
        ctx.gen.prng.fork(`ids:${profile.membershipId}`),
      ),
    };
    for (const spec of specs) {
      const character = createCharacter(gen, ctx.ids.character(), spec, ctx.createdAt);
      // Online members are mostly mid-activity; it shows in CharacterActivities (204).
      if (isOnline && spec.hoursSinceLastPlayed < 1) {
        character.activity = prng.pick([
          "orbit",
          "tower",
          "strike",
          "crucible",
          "patrol",
          "raid",
        ] as const);
      }
      profile.characters.push(character);
    }
    // Gear is rolled on first look: 100 members x 3 characters would slow every reset.
    profile.populate = () => {
      profile.characters.forEach((character, c) => {
        const spec = specs[c];
        if (spec) outfitCharacter(gen, profile, character, spec, { equippedOnly: true });
      });
    };
    users.push(user);
    profiles.push(profile);

    const lastSeen = isOnline
      ? ctx.createdAt - prng.int(1, 180) * 60_000
      : ctx.createdAt - prng.int(1, 24 * 90) * 3_600_000;
    members.push({
      membershipId: profile.membershipId,
      bnetMembershipId: bnetId,
      memberType: i === 0 ? 5 : i < 4 ? 3 : i > size - 8 ? 1 : 2,
      isOnline,
      lastOnlineStatusChange: Math.floor(lastSeen / 1000),
      joinDate: i === 0 ? creationDate : creationDate + prng.int(1, 2400) * day,
    });
  }

  // The demo player is an admin who joined a while ago and is online.
  members.splice(5, 0, {
    membershipId: demoProfile.membershipId,
    bnetMembershipId: demoUser.membershipId,
    memberType: 3,
    isOnline: true,
    lastOnlineStatusChange: Math.floor((ctx.createdAt - 42 * 60_000) / 1000),
    joinDate: creationDate + 400 * day,
  });

  const founder = members[0];
  return {
    clan: {
      groupId,
      name: "Last City Wardens",
      motto: "Eyes up, Guardian.",
      about:
        "A relaxed clan of raiders and Crucible regulars. Weekly raid on Tuesdays after reset, Trials on weekends. Be kind, bring snacks.",
      callsign: "LCW",
      creationDate,
      founderMembershipId: founder?.membershipId ?? demoProfile.membershipId,
      members,
    },
    users,
    profiles,
  };
}
