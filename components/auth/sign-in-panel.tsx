export function SignInPanel({ callbackUrl, error }: { callbackUrl?: string; error?: string }) {
  return (
    <div className="border-line bg-panel mx-auto grid max-w-md gap-6 rounded-lg border p-6 sm:p-8">
      <div className="grid gap-2">
        <h1 className="text-2xl font-bold">Sign in</h1>
        <p className="text-muted">
          Warmind signs you in with your Bungie.net account. It never sees your platform password.
        </p>
      </div>
      {error ? (
        <p role="alert" className="border-danger/50 bg-danger/10 rounded-md border p-3 text-sm">
          {error}
        </p>
      ) : null}
      <form method="get" action="/signin">
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
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
