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
}

export function getMountedSandbox({ appUrl, basePath }: MountOptions): Promise<Sandbox> {
  // The same callback path as the sandbox's default registration, on the app's origin.
  const callbackPath = new URL(DEFAULT_OPTIONS.redirectUrl).pathname;
  globalForSandbox.warmindSandbox ??= import("./index").then(({ createSandbox }) =>
    createSandbox({ basePath, redirectUrl: `${appUrl}${callbackPath}` }),
  );
  return globalForSandbox.warmindSandbox;
}
