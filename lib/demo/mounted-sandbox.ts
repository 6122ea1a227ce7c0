import "server-only";
import { SANDBOX_MOUNT_PATH } from "@/lib/env-schema";
import type { Sandbox } from "@/sandbox";

// One sandbox per server process, kept on globalThis so dev reloads keep the demo world's state.
const globalForSandbox = globalThis as unknown as { warmindSandbox?: Promise<Sandbox> };

/** The demo mount. Loaded on first use only: deployments with real credentials never load it. */
export function getMountedSandbox(appUrl: string): Promise<Sandbox> {
  globalForSandbox.warmindSandbox ??= import("@/sandbox").then(({ createSandbox }) =>
    createSandbox({
      basePath: SANDBOX_MOUNT_PATH,
      redirectUrl: `${appUrl}/api/auth/callback/bungie`,
    }),
  );
  return globalForSandbox.warmindSandbox;
}
