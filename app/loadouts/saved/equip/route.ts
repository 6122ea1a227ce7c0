// Equips a saved loadout and streams its progress as NDJSON (one EquipProgress per line): the
// phone shows each item as it moves, and the result per item at the end. A streamed response
// works on Vercel's Node runtime as on any Node host, and needs no shared status store to poll.
// Opened like every action (runPlayerAction: session → rate limit → zod); a route handler has no
// built-in cross-site check like server actions, so it refuses requests from other sites first.
import { equipSavedLoadout } from "@/lib/loadouts/equip-loadout";
import type { EquipProgress } from "@/lib/loadouts/loadout-outcome";
import { EquipSchema, readFields } from "@/lib/loadouts/saved-action-schema";
import { log } from "@/lib/log";
import { runPlayerAction } from "@/lib/security/player-action";

export const dynamic = "force-dynamic";

const NDJSON = {
  "Content-Type": "application/x-ndjson; charset=utf-8",
  "Cache-Control": "no-store",
};

function line(event: EquipProgress): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(event)}\n`);
}

function refused(message: string, status: number): Response {
  const event: EquipProgress = {
    type: "result",
    result: { status: "error", message, notices: [], items: [], calls: 0 },
  };
  return new Response(`${JSON.stringify(event)}\n`, { status, headers: NDJSON });
}

function sameSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return site === "same-origin";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(request: Request): Promise<Response> {
  if (!sameSite(request)) return refused("This request did not come from Warmind.", 403);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refused("That request is not valid.", 400);
  }
  return runPlayerAction(
    {
      limit: "item",
      input: { read: readFields("loadoutId", "characterId", "clearOthers"), schema: EquipSchema },
      refuse: (refusal) =>
        refused(
          refusal.message,
          refusal.reason === "signed-out" ? 401 : refusal.reason === "invalid" ? 400 : 429,
        ),
      run: async (player, input) => {
        const stream = new ReadableStream<Uint8Array>({
          async start(controller) {
            let ended = false;
            try {
              const result = await equipSavedLoadout(player.id, input, {
                onProgress: (event) => {
                  ended ||= event.type === "result";
                  controller.enqueue(line(event));
                },
              });
              // Refusals before the first step end without progress: send their answer.
              if (!ended) controller.enqueue(line({ type: "result", result }));
            } catch (error) {
              log.error("loadouts.equip_failed", { error });
              controller.enqueue(
                line({
                  type: "result",
                  result: {
                    status: "error",
                    message: "Something went wrong. Refresh to see where your items are.",
                    notices: [],
                    items: [],
                    calls: 0,
                  },
                }),
              );
            }
            controller.close();
          },
        });
        return new Response(stream, { headers: NDJSON });
      },
    },
    form,
  );
}
