// The sandbox mounted inside an app's own server, as Warmind's demo mode does
// (app/sandbox/[...path]/route.ts, and `npm run digest` with the server stopped): one per
// process, on globalThis so dev reloads keep the demo world's state. The sandbox itself is
// loaded on first use only: deployments with real credentials never load it.
import type { Sandbox } from "./index";
import { DEFAULT_OPTIONS } from "./options";

const globalForSandbox = globalThis as unknown as { warmindSandbox?: Promise<Sandbox> };

export interface MountOptions {
  /** The app's origin: the sandbox sends OAuth back to its Auth.js callback there. */
  appUrl: string;
  /** The path the app serves the sandbox under (the app's SANDBOX_MOUNT_PATH). */
  basePath: string;
  /**
   * Serve the test control API (/__sandbox/...). The app passes SANDBOX_CONTROL=1 here; without
   * it those paths answer 404, which is what a demo reachable from the internet needs.
   */
  control: boolean;
}

/**
 * The demo's sandbox. Every visitor who signs in gets a private copy of the demo account they
 * pick (copies/demo-copies.ts), so a public demo never shows one visitor another's data.
 */
export function getMountedSandbox({ appUrl, basePath, control }: MountOptions): Promise<Sandbox> {
  // The same callback path as the sandbox's default registration, on the app's origin.
  const callbackPath = new URL(DEFAULT_OPTIONS.redirectUrl).pathname;
  globalForSandbox.warmindSandbox ??= import("./index").then(({ createSandbox }) =>
    createSandbox({
      basePath,
      redirectUrl: `${appUrl}${callbackPath}`,
      control,
      demoCopies: true,
    }),
  );
  return globalForSandbox.warmindSandbox;
}
