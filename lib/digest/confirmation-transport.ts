import type { EmailTransportKind } from "@/lib/email/types";

// What a confirmation proves depends on what delivered its link. Resend and SMTP deliver to the
// mailbox, so opening the link proves the address is the player's; the demo outbox keeps mail
// in Warmind's own database, where the player who typed the address reads it, so it proves
// nothing about the address. A confirmation therefore counts only for the kind of delivery that
// carried it: one made in the outbox stops counting once real email is configured (the player
// is asked to confirm again), and one made by real email counts for either real transport, so
// moving from Resend to SMTP asks nobody again.

type Delivery = "outbox" | "mail";

function deliveryOf(via: EmailTransportKind | null): Delivery {
  // null: confirmed before the transport was recorded, which the migration that added the
  // column resolved to "outbox" wherever the outbox held the confirmation, so real email.
  return via === "outbox" ? "outbox" : "mail";
}

/** Whether a confirmation delivered by `via` counts while `current` is the transport. */
export function confirmationCounts(
  via: EmailTransportKind | string | null,
  current: EmailTransportKind,
): boolean {
  if (via !== null && via !== "outbox" && via !== "resend" && via !== "smtp") return false;
  return deliveryOf(via) === deliveryOf(current);
}

/** Prisma filter: subscriptions whose confirmation counts while `current` is the transport. */
export function confirmationCountsWhere(current: EmailTransportKind) {
  return current === "outbox"
    ? { confirmedVia: "outbox" }
    : { OR: [{ confirmedVia: null }, { confirmedVia: { in: ["resend", "smtp"] } }] };
}
