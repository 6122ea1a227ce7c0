// Which network a demo visitor comes from, for the cap on new demo copies per network
// (demo-copies.ts). Only the sandbox's public demo uses it; Bungie has its own limits.
import { isIP } from "node:net";

/**
 * The last address in X-Forwarded-For: the host in front of the app sets it (Vercel replaces the
 * header; a proxy such as nginx appends the address it saw, after anything the client wrote).
 * IPv6 counts by its /64, which one home or phone gets whole. No address, or the loopback (the
 * app's own tests and benchmarks, a local proxy that names no client): undefined, not limited.
 * A server reached without such a proxy keeps a header the client sent (Next sets it only when
 * absent), so there the cap is only as good as the client's honesty.
 */
export function networkOf(request: Request): string | undefined {
  const last = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  if (!last) return undefined;
  // Some proxies add the port: 203.0.113.7:51234, [2001:db8::1]:443.
  let address = last.replace(/^\[(.*)\](?::\d+)?$/, "$1").replace(/^([\d.]+):\d+$/, "$1");
  const mapped = /^::ffff:([\d.]+)$/i.exec(address);
  if (mapped && isIP(mapped[1]!) === 4) address = mapped[1]!;
  switch (isIP(address)) {
    case 4:
      return address.startsWith("127.") ? undefined : address;
    case 6:
      return address === "::1" ? undefined : prefix64(address);
    default:
      return undefined;
  }
}

function prefix64(address: string): string {
  const [head = "", tail] = address.toLowerCase().split("::");
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const zeros = Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0");
  const groups = [...front, ...(tail === undefined ? [] : zeros), ...back];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
