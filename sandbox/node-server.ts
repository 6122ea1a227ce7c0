// A plain node:http server in front of Sandbox.handle, for integration tests and the CLI.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { rawBodyOf } from "./http/envelope";
import { createSandbox, type Sandbox, type SandboxOptions } from "./index";
import { loadRecording } from "./record/recording";

export interface SandboxServer {
  /** e.g. http://127.0.0.1:54321 (no trailing slash, without the basePath). */
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

function toRequest(req: http.IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : undefined,
    signal,
    // Required by undici for streamed request bodies.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** Gzipped copies of cached bodies (Bungie serves gzip to clients that ask for it). */
const gzipped = new WeakMap<Uint8Array, Buffer>();
const GZIP_MIN_BYTES = 8 * 1024;

function acceptsGzip(req: http.IncomingMessage): boolean {
  return /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? ""));
}

async function writeResponse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  response: Response,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length > 0) headers["set-cookie"] = setCookies;
  const raw = rawBodyOf(response);
  if (raw) {
    // Cached renderings go out as they are, without a trip through web streams.
    if (raw.byteLength >= GZIP_MIN_BYTES && acceptsGzip(req)) {
      let body = gzipped.get(raw);
      if (!body) {
        body = gzipSync(raw, { level: 6 });
        gzipped.set(raw, body);
      }
      headers["content-encoding"] = "gzip";
      headers["content-length"] = String(body.length);
      headers.vary = "Accept-Encoding";
      res.writeHead(response.status, headers);
      res.end(body);
      return;
    }
    res.writeHead(response.status, headers);
    res.end(raw);
    return;
  }
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // Respect backpressure on large content (the 150 MB item table).
    if (!res.write(value)) await new Promise<void>((resolve) => res.once("drain", () => resolve()));
  }
  res.end();
}

export async function startSandboxServer(
  options: SandboxOptions & {
    port?: number;
    host?: string;
    /** Serve the recording in this folder (`--record-dir`), read once at start. */
    recordDir?: string;
  } = {},
): Promise<SandboxServer> {
  const { port = 0, host = "127.0.0.1", recordDir, ...sandboxOptions } = options;
  const sandbox = createSandbox({
    ...sandboxOptions,
    ...(recordDir ? { recording: loadRecording(recordDir) } : {}),
  });
  let origin = "";
  const server = http.createServer((req, res) => {
    const controller = new AbortController();
    // Client went away before we answered (e.g. a timeout): release hung requests.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    sandbox
      .handle(toRequest(req, origin, controller.signal))
      .then((response) => writeResponse(req, res, response))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  origin = `http://${hostForUrl}:${address.port}`;
  return {
    url: origin,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        sandbox.reset();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
