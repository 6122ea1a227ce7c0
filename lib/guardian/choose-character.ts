import "server-only";
import { BungieSessionEndedError } from "@/lib/auth/access-token";
import { isBungieError } from "@/lib/bungie";
import { getGuardianContext, saveChosenCharacter } from "./guardian-context";
import { withPlayerToken } from "./player-token";
import { readProfile } from "./profile-store";

export type ChooseCharacterState = {
  status: "idle" | "ok" | "error";
  message?: string;
  characterId?: string;
};

/** Stores the player's character choice, after checking the character is one of theirs. */
export async function chooseCharacterFor(
  userId: string,
  characterId: string,
): Promise<ChooseCharacterState> {
  const context = await getGuardianContext(userId);
  if (!context) return { status: "error", message: "You have no Destiny account to choose from." };
  try {
    const profile = await readProfile(context.account, withPlayerToken(userId));
    const character = profile.characters.find((c) => c.characterId === characterId);
    if (!character) return { status: "error", message: "That character is not one of yours." };
  } catch (error) {
    if (error instanceof BungieSessionEndedError)
      return { status: "error", message: error.message };
    if (isBungieError(error)) {
      return { status: "error", message: "Bungie.net didn't answer; your choice wasn't saved." };
    }
    throw error;
  }
  await saveChosenCharacter(userId, characterId);
  return { status: "ok", characterId, message: "Character chosen." };
}
