// Full-component GetProfile of the demo player's 700-item vault, over real HTTP with a valid
// token, 8 clients in parallel for ~5 s: responses/s, p50/p95 latency, response size.
//   npx tsx bench/sandbox-profile.ts [--seconds 5] [--concurrency 8] [--identity]
import http from "node:http";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gunzip } from "node:zlib";
import { startSandboxServer } from "../sandbox/node-server";

export const PROFILE_COMPONENTS = "100,102,103,104,200,201,202,204,205,206,300,302,304,305,800";

export interface SandboxProfileFigures {
  responses: number;
  seconds: number;
  responsesPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  /** Decompressed JSON size. */
  responseBytes: number;
  /** Bytes on the wire (gzip unless `encoding: "identity"`). */
  wireBytes: number;
  encoding: "gzip" | "identity";
  errors: number;
  concurrency: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function runSandboxProfileBench(
  options: {
    seconds?: number;
    concurrency?: number;
    encoding?: "gzip" | "identity";
    log?: (line: string) => void;
  } = {},
): Promise<SandboxProfileFigures> {
  const seconds = options.seconds ?? 5;
  // Like fetch and browsers, ask for gzip (Bungie serves it) and inflate every response.
  const encoding = options.encoding ?? "gzip";
  const concurrency = options.concurrency ?? 8;
  const log = options.log ?? console.log;
  const server = await startSandboxServer({ fullVault: true, port: 0 });
  try {
    const { sandbox } = server;
    const token = sandbox.issueToken("demo").access_token;
    const user = sandbox.state.world.usersByKey.get("demo");
    const membershipId = user?.primaryMembershipId ?? "";
    const url = new URL(
      `${server.url}/Platform/Destiny2/3/Profile/${membershipId}/?components=${PROFILE_COMPONENTS}`,
    );
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const headers = {
      "x-api-key": sandbox.options.apiKey,
      authorization: `Bearer ${token}`,
      "accept-encoding": encoding,
    };

    const once = () =>
      new Promise<{ status: number; bytes: number; wire: number }>((resolve, reject) => {
        const req = http.get(url, { agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const wire = Buffer.concat(chunks);
            const done = (body: Buffer) =>
              resolve({ status: res.statusCode ?? 0, bytes: body.length, wire: wire.length });
            if (res.headers["content-encoding"] !== "gzip") return done(wire);
            // Inflate on libuv's thread pool, as fetch does, off the event loop.
            gunzip(wire, (error, body) => (error ? reject(error) : done(body)));
          });
          res.on("error", reject);
        });
        req.on("error", reject);
      });

    // Warm-up: the first rendering fills the cache; JIT settles.
    const first = await once();
    if (first.status !== 200) throw new Error(`GetProfile answered ${first.status}`);
    for (let i = 0; i < 20; i++) await once();

    const latencies: number[] = [];
    let errors = 0;
    let bytes = first.bytes;
    let wire = first.wire;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          const result = await once();
          latencies.push(performance.now() - t0);
          if (result.status !== 200) errors++;
          bytes = result.bytes;
          wire = result.wire;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const figures: SandboxProfileFigures = {
      responses: latencies.length,
      seconds: Math.round(elapsed * 100) / 100,
      responsesPerSecond: Math.round((latencies.length / elapsed) * 10) / 10,
      p50Ms: Math.round(percentile(latencies, 50) * 100) / 100,
      p95Ms: Math.round(percentile(latencies, 95) * 100) / 100,
      responseBytes: bytes,
      wireBytes: wire,
      encoding,
      errors,
      concurrency,
    };
    log(
      `GetProfile (components ${PROFILE_COMPONENTS}), 700-item vault, ${concurrency} concurrent clients, ${figures.seconds} s`,
    );
    log(`  responses:     ${figures.responses} (${figures.errors} errors)`);
    log(`  throughput:    ${figures.responsesPerSecond} responses/s (target ≥ 200)`);
    log(`  latency:       p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms`);
    log(
      `  response size: ${(figures.responseBytes / 1024).toFixed(0)} KiB JSON, ${(figures.wireBytes / 1024).toFixed(0)} KiB on the wire (${encoding})`,
    );
    return figures;
  } finally {
    await server.close();
  }
}

export async function main(argv = process.argv.slice(2)): Promise<SandboxProfileFigures> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string" },
      concurrency: { type: "string" },
      identity: { type: "boolean", default: false },
    },
  });
  return runSandboxProfileBench({
    seconds: values.seconds ? Number(values.seconds) : undefined,
    concurrency: values.concurrency ? Number(values.concurrency) : undefined,
    encoding: values.identity ? "identity" : "gzip",
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
