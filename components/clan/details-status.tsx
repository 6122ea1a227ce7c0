import type { MemberDetailsView } from "@/lib/clan/types";

type Unloaded = Exclude<MemberDetailsView, { status: "ok" }>;

const UNAVAILABLE_TEXT: Record<Extract<Unloaded, { status: "unavailable" }>["reason"], string> = {
  throttled: "Bungie is busy; details unavailable",
  maintenance: "Bungie maintenance; details unavailable",
  timeout: "Bungie did not answer; details unavailable",
  error: "Details unavailable",
};

export function detailsStatusText(details: Unloaded): string {
  switch (details.status) {
    case "private":
      return "Private profile";
    case "not-found":
      return "No Destiny 2 profile";
    case "unavailable":
      return UNAVAILABLE_TEXT[details.reason];
  }
}

/** A member's profile that could not be shown, said plainly (never a broken row). */
export function DetailsStatus({ details }: { details: Unloaded }) {
  const failed = details.status === "unavailable";
  return (
    <span
      data-details-status={details.status}
      className={`inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-xs ${
        failed ? "border-danger/50 text-danger" : "border-line text-muted"
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 shrink-0 fill-current">
        {details.status === "private" ? (
          <path d="M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7zm1.5 0h3V5a1.5 1.5 0 0 0-3 0z" />
        ) : (
          <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1m-.75 3.5v5h1.5v-5zm0 6.5v1.5h1.5V11z" />
        )}
      </svg>
      {detailsStatusText(details)}
    </span>
  );
}
