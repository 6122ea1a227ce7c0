import "server-only";
import { SANDBOX_MOUNT_PATH } from "@/lib/env-schema";
import { getEnv } from "@/lib/env";

/** Bungie serves icons, emblems and avatars as paths relative to its origin. */
export function bungieAssetUrl(path: string | null | undefined): string {
  if (!path) return "";
  if (/^https?:\/\//.test(path)) return path;
  const relative = path.startsWith("/") ? path : `/${path}`;
  const env = getEnv();
  // In demo mode the sandbox is on our own origin: a relative URL works whatever host name the
  // visitor used to reach us.
  return env.demo ? `${SANDBOX_MOUNT_PATH}${relative}` : `${env.bungie.origin}${relative}`;
}
