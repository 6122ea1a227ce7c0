// Runs once when a Next.js server starts (see lib/startup.ts for what it checks).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/startup");
  }
}
