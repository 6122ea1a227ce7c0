// A local stand-in for Bungie: the manifest endpoint plus the static table files, with knobs to
// fail a table (HTTP 500, a body cut off mid-stream) or hold it halfway (an import in progress).
// The app's real lib/bungie client talks to it, so sources are wired exactly as in production.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createBungieClient, unlimited } from "@/lib/bungie";
import { defaultManifestSources, type ManifestSources } from "@/lib/manifest/sources";
import type { ManifestTableName } from "@/lib/manifest/types";
import type { FixtureTables } from "./fixture-world";

export type TableFault =
  | { kind: "status"; status: number }
  /** Sends `atBytes` of the file, then ends the response cleanly (no Content-Length). */
  | { kind: "truncate"; atBytes: number }
  /** Sends half, then waits for release() before sending the rest. */
  | { kind: "hold"; reached: () => void; released: Promise<void> };

export type FixtureServer = {
  url: string;
  sources: ManifestSources;
  /**
   * Serves `tables` as manifest `version`. Paths carry `pathTag` (default: the version), as
   * Bungie's carry a content hash: same tag, same paths.
   */
  publish(
    version: string,
    tables: FixtureTables,
    options?: { languages?: string[]; pathTag?: string },
  ): void;
  /** Applies a fault to every request of a table until cleared with null. */
  fault(table: ManifestTableName, fault: TableFault | null): void;
  /** Holds the table's next download halfway; `reached` resolves once half was sent. */
  hold(table: ManifestTableName): { reached: Promise<void>; release: () => void };
  /** Content requests per table name. */
  contentRequests(table: ManifestTableName): number;
  close(): Promise<void>;
};

type Published = { version: string; languages: string[]; files: Map<string, Buffer> };

export async function startFixtureServer(): Promise<FixtureServer> {
  let published: Published | undefined;
  const faults = new Map<string, TableFault>();
  const requests = new Map<string, number>();

  const tableOf = (path: string) => /\/(Destiny\w+Definition)-/.exec(path)?.[1] ?? "";

  async function send(res: ServerResponse, body: Buffer, fault: TableFault | undefined) {
    if (fault?.kind === "status") {
      res.writeHead(fault.status, { "Content-Type": "text/plain" }).end("Internal error");
      return;
    }
    if (fault?.kind === "truncate") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(body.subarray(0, fault.atBytes));
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length });
    if (fault?.kind === "hold") {
      const half = Math.floor(body.length / 2);
      res.write(body.subarray(0, half));
      fault.reached();
      await fault.released;
      res.end(body.subarray(half));
      return;
    }
    res.end(body);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/Platform/Destiny2/Manifest/") {
      if (!published) {
        res.writeHead(503).end();
        return;
      }
      const paths: Record<string, Record<string, string>> = {};
      for (const language of published.languages) {
        paths[language] = {};
        for (const file of published.files.keys()) {
          const table = tableOf(file);
          paths[language][table] = file.replace("/json/en/", `/json/${language}/`);
        }
      }
      const manifest = {
        version: published.version,
        mobileAssetContentPath: "",
        mobileGearAssetDataBases: [],
        mobileWorldContentPaths: {},
        jsonWorldContentPaths: {},
        jsonWorldComponentContentPaths: paths,
        mobileClanBannerDatabasePath: "",
        mobileGearCDN: {},
        iconImagePyramidInfo: [],
      };
      res.writeHead(200, { "Content-Type": "application/json" }).end(
        JSON.stringify({
          Response: manifest,
          ErrorCode: 1,
          ThrottleSeconds: 0,
          ErrorStatus: "Success",
          Message: "Ok",
          MessageData: {},
        }),
      );
      return;
    }
    const file = published?.files.get(path.replace(/\/json\/[\w-]+\//, "/json/en/"));
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const table = tableOf(path);
    requests.set(table, (requests.get(table) ?? 0) + 1);
    const fault = faults.get(table);
    if (fault?.kind === "hold") faults.delete(table); // A hold applies to one download.
    void send(res, file, fault);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createBungieClient({
    origin: url,
    apiKey: "fixture-api-key",
    limiter: unlimited,
    retry: { maxRetries: 0 },
    logger: () => {},
  });

  return {
    url,
    sources: defaultManifestSources(client),
    publish(version, tables, { languages = ["en"], pathTag = version } = {}) {
      const files = new Map<string, Buffer>();
      for (const [table, rows] of Object.entries(tables)) {
        const file = `/common/destiny2_content/json/en/${table}-${pathTag}.json`;
        files.set(file, Buffer.from(JSON.stringify(rows)));
      }
      published = { version, languages, files };
    },
    fault(table, fault) {
      if (fault) faults.set(table, fault);
      else faults.delete(table);
    },
    hold(table) {
      let reached!: () => void;
      let release!: () => void;
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      faults.set(table, { kind: "hold", reached, released });
      return { reached: reachedPromise, release };
    },
    contentRequests: (table) => requests.get(table) ?? 0,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.close();
    },
  };
}
