import type { LoadoutActionResult } from "@/lib/loadouts/action-result";

/** What the last action did, read out by screen readers (errors interrupt, the rest waits). */
export function ActionStatus({
  result,
  pending,
}: {
  result: LoadoutActionResult;
  pending: boolean;
}) {
  const error = result.status === "error";
  return (
    <div
      role={error ? "alert" : "status"}
      aria-live={error ? "assertive" : "polite"}
      data-testid="loadout-status"
      className={
        pending || result.status !== "idle"
          ? `rounded-md border p-3 text-sm ${error ? "border-danger/60 text-danger" : "border-line"}`
          : "sr-only"
      }
    >
      {pending ? (
        <p>Working…</p>
      ) : result.status === "idle" ? null : (
        <>
          <p className="font-medium">{result.message}</p>
          {result.notices.length > 0 ? (
            <ul className="text-muted mt-1 list-disc pl-5">
              {result.notices.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </div>
  );
}
