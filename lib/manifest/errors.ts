// Errors the manifest module raises, so callers (pages, the CLI, cron) can tell them apart.

/** Bungie's manifest or one of its tables could not be downloaded or read. */
export class ManifestDownloadError extends Error {
  constructor(
    message: string,
    readonly table?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ManifestDownloadError";
  }
}

/** No manifest is imported yet and none could be imported now: nothing can be named. */
export class ManifestUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ManifestUnavailableError";
  }
}

/** This import's lease expired and another instance may have taken over; the import stops. */
export class ManifestLeaseLostError extends Error {
  constructor(message = "The manifest import lease was lost to another instance") {
    super(message);
    this.name = "ManifestLeaseLostError";
  }
}
