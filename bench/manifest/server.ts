// A local Bungie for the manifest bench: the manifest endpoint, the big item table streamed
// from disk (with Content-Length, as Bungie's CDN sends it) and small stand-ins for the others.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { MANIFEST_TABLE_NAMES } from "@/lib/manifest/tables";

export type BenchServer = { url: string; close: () => Promise<void> };

export async function startBenchServer(
  itemTablePath: string,
  version = "bench-1",
): Promise<BenchServer> {
  const paths = Object.fromEntries(
    MANIFEST_TABLE_NAMES.map((t) => [t, `/common/destiny2_content/json/en/${t}-${version}.json`]),
  );
  const manifest = {
    version,
    mobileAssetContentPath: "",
    mobileGearAssetDataBases: [],
    mobileWorldContentPaths: {},
    jsonWorldContentPaths: {},
    jsonWorldComponentContentPaths: { en: paths },
    mobileClanBannerDatabasePath: "",
    mobileGearCDN: {},
    iconImagePyramidInfo: [],
  };
  const envelope = JSON.stringify({
    Response: manifest,
    ErrorCode: 1,
    ThrottleSeconds: 0,
    ErrorStatus: "Success",
    Message: "Ok",
    MessageData: {},
  });
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url.startsWith("/Platform/Destiny2/Manifest/")) {
      res.writeHead(200, { "Content-Type": "application/json" }).end(envelope);
    } else if (url === paths.DestinyInventoryItemDefinition) {
      res.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Length": statSync(itemTablePath).size,
      });
      createReadStream(itemTablePath).pipe(res);
    } else if (Object.values(paths).includes(url)) {
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(`{"1":{"hash":1,"displayProperties":{"name":"Bench"}}}`);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
