import type { UnavailableView } from "@/lib/guardian/view-types";

/** Shown instead of a page's data when Bungie can't answer: what happened and what to do. */
export function UnavailablePanel({
  view,
  retryHref,
}: {
  view: UnavailableView;
  retryHref: string;
}) {
  return (
    <div
      role="alert"
      className="border-line bg-panel mx-auto grid max-w-lg gap-3 rounded-lg border p-6"
    >
      <h1 className="text-xl font-bold">{view.title}</h1>
      <p className="text-muted">{view.message}</p>
      <p>
        <a href={retryHref} className="text-accent underline underline-offset-4">
          Try again
        </a>
      </p>
    </div>
  );
}
