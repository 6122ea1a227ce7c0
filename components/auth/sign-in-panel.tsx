import { signInWithBungie } from "@/app/signin/actions";

const ERROR_MESSAGES: Record<string, string> = {
  SessionExpired: "Your Bungie.net sign-in expired or was revoked. Please sign in again.",
  AccessDenied: "Sign-in was cancelled at Bungie.net. Nothing was shared with Warmind.",
  OAuthCallbackError: "Sign-in was cancelled at Bungie.net. Nothing was shared with Warmind.",
  // The sign-in reached us but could not be recorded (lib/auth/route-handlers.ts).
  DatabaseUnavailable:
    "Warmind cannot reach its database right now, so your sign-in could not be recorded. Nothing was lost: please sign in again in a moment.",
  Configuration:
    "Bungie.net did not complete the sign-in. It may be down for maintenance: please try again in a few minutes.",
};
const DEFAULT_ERROR = "Sign-in with Bungie.net did not complete. Please try again.";

export function SignInPanel({ callbackUrl, error }: { callbackUrl?: string; error?: string }) {
  const message = error ? (ERROR_MESSAGES[error] ?? DEFAULT_ERROR) : null;
  return (
    <div className="border-line bg-panel mx-auto grid max-w-md gap-6 rounded-lg border p-6 sm:p-8">
      <div className="grid gap-2">
        <h1 className="text-2xl font-bold">Sign in</h1>
        <p className="text-muted">
          Warmind signs you in with your Bungie.net account. It never sees your platform password,
          and it can only read your guardians and move or equip their items.
        </p>
      </div>
      {message ? (
        <p role="alert" className="border-danger/50 bg-danger/10 rounded-md border p-3 text-sm">
          {message}
        </p>
      ) : null}
      <form action={signInWithBungie}>
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/account"} />
        <button
          type="submit"
          className="bg-accent text-accent-ink w-full rounded-md px-5 py-3 font-semibold hover:brightness-110"
        >
          Sign in with Bungie
        </button>
      </form>
    </div>
  );
}
