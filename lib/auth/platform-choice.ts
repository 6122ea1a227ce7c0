// The platform chooser's form (app/account/platform): what it sends and what it shows back.
// No server-only code: the client component imports the state type from here.
import { z } from "zod";

export type ChoosePlatformState = { error?: string };

export const PlatformChoiceSchema = z.object({
  membershipType: z.coerce.number().int().min(1).max(254),
  membershipId: z.string().regex(/^\d{1,20}$/, "That is not a Destiny membership id."),
});
