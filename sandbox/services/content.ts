// Static content as Bungie's CDN serves it: definition JSON files, the aggregate file and
// images. No API key is needed (or wanted) for these.
import fs from "node:fs";
import { Readable } from "node:stream";
import { renderIcon } from "../content/icons";
import type { SandboxState } from "../state";
import { type ContentFile, manifestContent } from "./destiny2-manifest";

const JSON_HEADERS = {
  "content-type": "application/json",
  "cache-control": "public, max-age=31536000",
  "access-control-allow-origin": "*",
};

function fileBody(file: ContentFile): BodyInit {
  if (file.text !== undefined) return file.text;
  return Readable.toWeb(
    fs.createReadStream(file.filePath as string),
  ) as unknown as ReadableStream<Uint8Array>;
}

function fileSize(file: ContentFile): number {
  if (file.text !== undefined) return Buffer.byteLength(file.text);
  return fs.statSync(file.filePath as string).size;
}

/** The aggregate file streams every table without building one giant string. */
function aggregateBody(files: ContentFile[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = -1;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (reader) {
        const { done, value } = await reader.read();
        if (!done) {
          controller.enqueue(value);
          return;
        }
        reader = undefined;
      }
      index++;
      if (index === 0) controller.enqueue(encoder.encode("{"));
      const file = files[index];
      if (!file) {
        controller.enqueue(encoder.encode("}"));
        controller.close();
        return;
      }
      controller.enqueue(
        encoder.encode(`${index > 0 ? "," : ""}${JSON.stringify(file.definition)}:`),
      );
      if (file.text !== undefined) controller.enqueue(encoder.encode(file.text));
      else reader = (fileBody(file) as ReadableStream<Uint8Array>).getReader();
    },
  });
}

/** Serves `path` (root-relative, mount prefix removed) when it is content; undefined otherwise. */
export function serveContent(
  state: SandboxState,
  path: string,
  method: string,
): Response | undefined {
  const lower = path.toLowerCase();
  if (lower.startsWith("/common/destiny2_content/json/")) {
    state.count("Content.Json");
    const content = manifestContent(state);
    if (lower === content.aggregatePath.toLowerCase()) {
      return new Response(method === "HEAD" ? null : aggregateBody([...content.files.values()]), {
        headers: JSON_HEADERS,
      });
    }
    const file = content.byPath.get(lower);
    if (!file)
      return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
    return new Response(method === "HEAD" ? null : fileBody(file), {
      headers: { ...JSON_HEADERS, "content-length": String(fileSize(file)) },
    });
  }
  if (lower.startsWith("/common/destiny2_content/icons/") || lower.startsWith("/img/")) {
    state.count("Content.Image");
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (!/\.(png|jpg|jpeg|gif)$/i.test(name)) return new Response("Not Found", { status: 404 });
    const png = renderIcon(name.replace(/\.(png|jpg|jpeg|gif)$/i, ""));
    return new Response(method === "HEAD" ? null : new Uint8Array(png), {
      headers: {
        "content-type": "image/png",
        "content-length": String(png.length),
        "cache-control": "public, max-age=31536000",
        "access-control-allow-origin": "*",
      },
    });
  }
  return undefined;
}
