// The profile feature's use of the app's cache: its key (the Destiny membership) and its 15 s
// lifetime, and our own actions' invalidation. The cache itself is tested in tests/unit/cache.
import { afterEach, describe, expect, it } from "vitest";
import { createCache } from "@/lib/cache/cache";
import {
  PROFILE_TTL_MS,
  invalidateProfile,
  readProfile,
  setProfileCache,
} from "@/lib/guardian/profile-store";
import { envelope, testClient } from "../bungie/fake-fetch";
import { MEMBERSHIP, ownProfileResponse } from "../bungie/fixtures/profile";

afterEach(() => setProfileCache(undefined));

function setup() {
  let now = 1_000_000;
  setProfileCache(createCache({ now: () => now }));
  const { client, calls } = testClient(() => ({ json: envelope(ownProfileResponse) }));
  const account = { membershipType: 3, membershipId: MEMBERSHIP };
  const read = (options: { fresh?: boolean } = {}) =>
    readProfile(account, (call) => call("token"), { client, ...options });
  return { read, calls, account, advance: (ms: number) => (now += ms) };
}

describe("the profile cache", () => {
  it("serves a profile for 15 s, then asks Bungie again", async () => {
    const { read, calls, advance } = setup();
    const first = await read();
    expect(first.characters.length).toBeGreaterThan(0);
    advance(PROFILE_TTL_MS - 1);
    expect(await read()).toEqual(first);
    expect(calls).toHaveLength(1);
    advance(1);
    await read();
    expect(calls).toHaveLength(2);
    expect(PROFILE_TTL_MS).toBe(15_000);
  });

  it("asks Bungie again right after our own action, or when the page asks for a fresh read", async () => {
    const { read, calls, account } = setup();
    await read();
    await invalidateProfile(account);
    await read();
    expect(calls).toHaveLength(2);
    await read({ fresh: true });
    expect(calls).toHaveLength(3);
    await read();
    expect(calls).toHaveLength(3);
  });
});
