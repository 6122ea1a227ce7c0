// The digest settings form (app/settings/digest): what it sends, how that is validated, and the
// state its three actions answer. No server-only code: the client form imports the types.
import { z } from "zod";
import { SALE_FILTERS } from "@/lib/vendors/filters";

export type DigestFormValues = {
  email: string;
  filters: string[];
  vendorHashes: string[];
  characterId: string;
};

export type DigestSettingsState = {
  status: "idle" | "saved" | "confirmation-sent" | "queued" | "throttled" | "stopped" | "error";
  message: string;
  fieldErrors?: Partial<Record<keyof DigestFormValues, string>>;
  /** What the player submitted, so the form shows it again whatever happened. */
  values?: DigestFormValues;
  /** When the action answered: the form shows the newest of its three actions' messages. */
  at?: number;
};

export const DigestSettingsSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter the email address the digest should go to.")
    .max(254, "That email address is too long.")
    .pipe(z.email("That is not an email address (it should look like name@example.com).")),
  filters: z.array(z.enum(SALE_FILTERS, "Unknown filter.")).max(SALE_FILTERS.length),
  vendorHashes: z
    .array(
      z
        .string()
        .regex(/^\d{1,10}$/, "Unknown vendor.")
        .transform(Number)
        .refine((n) => n <= 0xffffffff, "Unknown vendor."),
    )
    .max(100, "Choose at most 100 vendors."),
  characterId: z.union([z.literal(""), z.string().regex(/^\d{1,20}$/, "Unknown character.")]),
});

export type DigestSettingsChoice = z.output<typeof DigestSettingsSchema>;

export function readDigestForm(formData: FormData): DigestFormValues {
  const strings = (name: string) =>
    formData.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    email: String(formData.get("email") ?? ""),
    filters: strings("filters"),
    vendorHashes: strings("vendorHashes"),
    characterId: String(formData.get("characterId") ?? ""),
  };
}

/** The message beside the marked fields of an invalid form. */
export const CORRECT_THE_FIELDS = "Please correct the marked fields.";
