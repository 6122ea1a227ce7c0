import "server-only";
// Reads one manifest table (`{ "<hash>": definition, ... }`, up to 150+ MB) as a stream of
// definitions, one at a time: stream-json tokenizes the bytes and assembles only the current
// top-level value, so memory stays flat whatever the file size. Never JSON.parse a whole table.
import { Readable, Transform, pipeline } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import StreamJson from "stream-json";
import StreamObject from "stream-json/streamers/StreamObject.js";

export type TableEntry = { key: string; value: unknown };

/**
 * Yields the table's entries in file order. `onBytes` sees the running count of body bytes.
 * A network error, a truncated body or malformed JSON rejects the iteration (nothing is
 * silently cut short: stream-json fails on a premature end).
 */
export async function* streamTableEntries(
  body: ReadableStream<Uint8Array>,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<TableEntry> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onBytes?.(bytes);
      done(null, chunk);
    },
  });
  // Packed values only: streamed string/number chunks would double the tokens for nothing.
  const parser = StreamJson.parser({ streamValues: false });
  const entries = StreamObject.streamObject();
  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  // pipeline() destroys every stage when one fails, so an error anywhere ends the loop below.
  pipeline(source, counter, parser, entries, () => {});
  try {
    for await (const entry of entries as AsyncIterable<TableEntry>) yield entry;
  } finally {
    // Stopped early (error while storing, or the caller gave up): release the connection.
    source.destroy();
  }
}
