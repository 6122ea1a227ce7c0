// How many members the demo clan may have. Its own module: options.ts needs the default, and
// sandbox/mount.ts imports options.ts without loading the world (a deployment with real
// credentials never does).

/** Members of the demo clan, the demo player included: the default, and Bungie's cap of 100. */
export const CLAN_SIZE = { default: 60, min: 2, max: 100 } as const;
