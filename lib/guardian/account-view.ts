import type { CharacterView } from "./view-types";

/** Everything the account page shows. */
export type AccountView = {
  kind: "account";
  bungieName: string | null;
  avatarUrl: string | null;
  platform: {
    membershipType: number;
    name: string;
    /** Cross save on: progress shared by the platforms below. */
    crossSave: boolean;
    linkedPlatforms: string[];
  };
  /** Destiny accounts the player can switch between (several unlinked platforms). */
  accountCount: number;
  characters: CharacterView[];
  selectedCharacterId: string | null;
  currencies: { itemHash: number; name: string; icon: string | null; quantity: number }[];
  /** null: not in a clan; "unavailable": Bungie didn't answer for clans. */
  clan: { name: string; callsign: string | null; memberCount: number } | null | "unavailable";
  loadedAt: number;
};
