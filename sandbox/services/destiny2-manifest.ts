// GetDestinyManifest and the static content it points at. Each definition table is served
// as its own JSON file whose name carries a content hash, so the hash (and the manifest
// version) change exactly when the content does.
import { createHash } from "node:crypto";
import type { DestinyManifest } from "bungie-api-ts/destiny2";
import { ok } from "../http/envelope";
import type { Route } from "../http/router";
import type { SandboxState } from "../state";
import { getManifestDefinitions } from "../world/definitions";

export const CONTENT_ROOT = "/common/destiny2_content";
const JSON_ROOT = `${CONTENT_ROOT}/json/en`;

export interface ContentFile {
  definition: string;
  /** Root-relative path as GetDestinyManifest lists it. */
  path: string;
  contentHash: string;
  /** In-memory JSON text, or a file on disk (generated large tables). */
  text?: string;
  filePath?: string;
}

export interface ManifestContent {
  version: string;
  files: Map<string, ContentFile>;
  /** Files by root-relative path, for the content handler. */
  byPath: Map<string, ContentFile>;
  aggregatePath: string;
}

function guid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function contentHashOf(text: string): string {
  return guid(createHash("sha1").update(text).digest("hex"));
}

let baseFiles: Map<string, { text: string; contentHash: string }> | undefined;

/** Serialised generated tables, computed once per process (they never change). */
function generatedFiles(): Map<string, { text: string; contentHash: string }> {
  if (baseFiles) return baseFiles;
  baseFiles = new Map();
  for (const [name, table] of Object.entries(getManifestDefinitions().tables)) {
    const text = JSON.stringify(table);
    baseFiles.set(name, { text, contentHash: contentHashOf(text) });
  }
  return baseFiles;
}

const contentCache = new WeakMap<SandboxState, { key: string; content: ManifestContent }>();

/** The current manifest content of a sandbox (generated tables + recordings + large table). */
export function manifestContent(state: SandboxState): ManifestContent {
  const key = `${state.manifestRevision}|${state.recording?.dir ?? ""}|${state.largeItemTable?.file ?? ""}`;
  const cached = contentCache.get(state);
  if (cached?.key === key) return cached.content;

  const files = new Map<string, ContentFile>();
  const defs = getManifestDefinitions();
  for (const [name, generated] of generatedFiles()) {
    const recorded = state.recording?.definitions.get(name);
    let text = generated.text;
    let contentHash = generated.contentHash;
    if (recorded) {
      // Recorded entries win; generated ones remain for every hash the recording lacks.
      text = JSON.stringify({ ...defs.tables[name], ...recorded });
      contentHash = contentHashOf(text);
    }
    files.set(name, {
      definition: name,
      path: `${JSON_ROOT}/${name}-${contentHash}.json`,
      contentHash,
      text,
    });
  }
  for (const [name, recorded] of state.recording?.definitions ?? []) {
    if (files.has(name)) continue;
    const text = JSON.stringify(recorded);
    const contentHash = contentHashOf(text);
    files.set(name, {
      definition: name,
      path: `${JSON_ROOT}/${name}-${contentHash}.json`,
      contentHash,
      text,
    });
  }
  const large = state.largeItemTable;
  if (large) {
    const name = "DestinyInventoryItemDefinition";
    files.set(name, {
      definition: name,
      path: `${JSON_ROOT}/${name}-${large.contentHash}.json`,
      contentHash: large.contentHash,
      filePath: large.file,
    });
  }
  const combined = createHash("sha1")
    .update([...files.values()].map((f) => `${f.definition}:${f.contentHash}`).join("|"))
    .digest("hex");
  // Shaped like Bungie's ("236833.25.11.19.1730-6-bnet.60914"), derived from the content.
  const version = `${parseInt(combined.slice(0, 5), 16)}.25.11.25.1700-1-bnet.${parseInt(combined.slice(5, 9), 16)}`;
  const aggregatePath = `${JSON_ROOT}/aggregate-${guid(combined)}.json`;
  const byPath = new Map([...files.values()].map((f) => [f.path.toLowerCase(), f]));
  const content = { version, files, byPath, aggregatePath };
  contentCache.set(state, { key, content });
  return content;
}

export function renderManifest(state: SandboxState): DestinyManifest {
  const content = manifestContent(state);
  const paths: Record<string, string> = {};
  for (const [name, file] of content.files) paths[name] = file.path;
  return {
    version: content.version,
    mobileAssetContentPath: `${CONTENT_ROOT}/sqlite/asset/asset_sql_content_unavailable_in_sandbox.content`,
    mobileGearAssetDataBases: [],
    // The sandbox serves JSON only; no SQLite world content.
    mobileWorldContentPaths: {},
    jsonWorldContentPaths: { en: content.aggregatePath },
    jsonWorldComponentContentPaths: { en: paths },
    mobileClanBannerDatabasePath: "",
    mobileGearCDN: {
      Geometry: "/common/destiny2_content/geometry/platform/mobile/geometry",
      Texture: "/common/destiny2_content/geometry/platform/mobile/textures",
      PlateRegion: "/common/destiny2_content/geometry/platform/mobile/plated_textures",
      Gear: "/common/destiny2_content/geometry/gear",
      Shader: "/common/destiny2_content/geometry/platform/mobile/shaders",
    },
    iconImagePyramidInfo: [],
  };
}

export const manifestRoutes: Route[] = [
  {
    method: "GET",
    template: "/Destiny2/Manifest/",
    operation: "Destiny2.GetDestinyManifest",
    handler: (ctx) => ok(renderManifest(ctx.state)),
  },
];
