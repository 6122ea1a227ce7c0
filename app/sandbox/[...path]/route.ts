import { getEnv } from "@/lib/env";
import { SANDBOX_MOUNT_PATH } from "@/lib/env-schema";
import { getMountedSandbox } from "@/sandbox/mount";

// The Bungie sandbox, mounted on our own origin in demo mode so a new user has one URL. With
// real Bungie credentials configured these routes do not exist: every method answers 404. Its
// test control API (/sandbox/__sandbox/...) exists only with SANDBOX_CONTROL=1.
async function handle(request: Request): Promise<Response> {
  const env = getEnv();
  if (!env.demo) return new Response("Not Found", { status: 404 });
  const sandbox = await getMountedSandbox({
    appUrl: env.appUrl,
    basePath: SANDBOX_MOUNT_PATH,
    control: env.sandboxControl,
  });
  return sandbox.handle(request);
}

export const dynamic = "force-dynamic";
export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as HEAD };
