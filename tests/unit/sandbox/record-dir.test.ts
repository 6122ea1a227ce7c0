import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRecording } from "@/sandbox/record/recording";
import { call, control, ORIGIN, testSandbox } from "./helpers";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../sandbox/recordings/example");
const RECORDED_ID = "4611686018467284386";

describe("--record-dir", () => {
  it("offers the recorded account and serves its responses", async () => {
    const { sandbox } = testSandbox({ recording: loadRecording(EXAMPLE) });
    const page = await (
      await sandbox.handle(
        new Request(`${ORIGIN}/en/OAuth/Authorize?client_id=sandbox-client&response_type=code`),
      )
    ).text();
    expect(page).toContain('value="recorded"');
    expect(page).toContain("Recorded Guardian");
    const token = sandbox.issueToken("recorded").access_token;
    const me = await call<{
      bungieNetUser: { membershipId: string };
      destinyMemberships: { membershipId: string }[];
    }>(sandbox, "/Platform/User/GetMembershipsForCurrentUser/", { token });
    expect(me.body.Response?.bungieNetUser.membershipId).toBe("5000001");
    expect(me.body.Response?.destinyMemberships[0]?.membershipId).toBe(RECORDED_ID);
    const linked = await call<{ profiles: { membershipId: string }[] }>(
      sandbox,
      `/Platform/Destiny2/3/Profile/${RECORDED_ID}/LinkedProfiles/`,
    );
    expect(linked.body.Response?.profiles[0]?.membershipId).toBe(RECORDED_ID);
    const profile = await call<Record<string, unknown>>(
      sandbox,
      `/Platform/Destiny2/3/Profile/${RECORDED_ID}/?components=100,200`,
      { token },
    );
    expect(Object.keys(profile.body.Response ?? {}).sort()).toEqual([
      "characters",
      "profile",
      "responseMintedTimestamp",
      "secondaryComponentsMintedTimestamp",
    ]);
    const vendors = await call<{ vendors: { data: Record<string, unknown> } }>(
      sandbox,
      `/Platform/Destiny2/3/Profile/${RECORDED_ID}/Character/2305843009299499863/Vendors/?components=400`,
      { token },
    );
    expect(Object.keys(vendors.body.Response?.vendors.data ?? {})).toEqual(["672118013"]);
    // Read-only.
    const action = await call(sandbox, "/Platform/Destiny2/Actions/Items/SetLockState/", {
      token,
      body: {
        state: true,
        itemId: "6917529843915120921",
        characterId: "2305843009299499863",
        membershipType: 3,
      },
    });
    expect(action.body.ErrorCode).toBe(1663);
  });

  it("merges recorded definitions over the generated ones and falls back for the rest", async () => {
    const { sandbox } = testSandbox({ recording: loadRecording(EXAMPLE) });
    const plain = testSandbox();
    type Manifest = {
      version: string;
      jsonWorldComponentContentPaths: { en: Record<string, string> };
    };
    const manifest = (await call<Manifest>(sandbox, "/Platform/Destiny2/Manifest/")).body
      .Response as Manifest;
    const plainManifest = (await call<Manifest>(plain.sandbox, "/Platform/Destiny2/Manifest/")).body
      .Response as Manifest;
    expect(manifest.version).not.toBe(plainManifest.version);
    const paths = manifest.jsonWorldComponentContentPaths.en;
    expect(paths.DestinyClassDefinition).toBe(
      plainManifest.jsonWorldComponentContentPaths.en.DestinyClassDefinition,
    );
    const items = (await (
      await sandbox.handle(new Request(`${ORIGIN}${paths.DestinyInventoryItemDefinition}`))
    ).json()) as Record<string, { displayProperties: { name: string } }>;
    expect(items["1363886209"]?.displayProperties.name).toBe("Gjallarhorn");
    expect(items["347366834"]?.displayProperties.name).toBe("Ace of Spades");
    expect(Object.keys(items).length).toBeGreaterThan(300);
    // The demo accounts still work beside the recording.
    const users = await control<{ users: { key: string }[] }>(sandbox, "users");
    expect(users.users.map((u) => u.key)).toEqual([
      "demo",
      "rival",
      "unlinked",
      "nodestiny",
      "recorded",
    ]);
  });
});
