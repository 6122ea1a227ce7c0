// Every sandbox response validated against Bungie's OpenAPI schemas (vendored extract).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VendorHashes } from "@/lib/destiny/game-facts";
import { extractSchemas, VENDORED_PATH } from "@/sandbox/contract/extract-schemas";
import { DEFINITION_SCHEMAS, SANDBOX_OPERATIONS } from "@/sandbox/contract/operations";
import {
  validateDefinition,
  validateOperationResponse,
  vendoredOperations,
} from "@/sandbox/contract/validator";
import { getManifestDefinitions } from "@/sandbox/world/definitions";
import { call, control, demo, testSandbox } from "./helpers";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const specPath = path.resolve(repoRoot, "../shared/bungie-api/openapi.json");
const ALL_COMPONENTS =
  "100,101,102,103,104,105,200,201,202,203,204,205,206,300,301,302,303,304,305,306,308,309,310,500,600,700,800,900,1000,1100,1200,1300,1400";

function expectValid(operationId: string, body: unknown) {
  const result = validateOperationResponse(operationId, body);
  expect(result.errors, `${operationId}: ${result.errors.join("\n")}`).toEqual([]);
  expect(result.valid).toBe(true);
}

describe("vendored Bungie schemas", () => {
  it("cover every operation the sandbox implements, and match the spec when it is present", () => {
    const vendored = JSON.parse(fs.readFileSync(VENDORED_PATH, "utf8")) as ReturnType<
      typeof extractSchemas
    >;
    expect(
      Object.values(vendored.operations)
        .map((o) => o.path)
        .sort(),
    ).toEqual(SANDBOX_OPERATIONS.map(([, p]) => p).sort());
    expect(fs.existsSync(path.join(path.dirname(VENDORED_PATH), "LICENSE-bungie-api.txt"))).toBe(
      true,
    );
    if (fs.existsSync(specPath)) {
      const spec = JSON.parse(fs.readFileSync(specPath, "utf8")) as Parameters<
        typeof extractSchemas
      >[0];
      expect(extractSchemas(spec)).toEqual(vendored);
    } else {
      // Without ../shared the vendored copy is the only source: it must still be complete.
      expect(Object.keys(vendored.components.schemas).length).toBeGreaterThan(100);
    }
  });

  it("reject a response of the wrong shape (the validator can fail)", () => {
    const bad = {
      Response: { characters: { data: { "not-a-number": { light: "high" } }, privacy: 1 } },
      ErrorCode: 1,
      ThrottleSeconds: 0,
      ErrorStatus: "Success",
      Message: "Ok",
      MessageData: {},
    };
    expect(validateOperationResponse("Destiny2.GetProfile", bad).valid).toBe(false);
    const silverByNumber = {
      Response: { platformSilver: { data: { platformSilver: { "3": {} } }, privacy: 2 } },
      ErrorCode: 1,
      ThrottleSeconds: 0,
      ErrorStatus: "Success",
      Message: "Ok",
      MessageData: {},
    };
    expect(validateOperationResponse("Destiny2.GetProfile", silverByNumber).valid).toBe(false);
  });
});

const defs = getManifestDefinitions();

describe("sandbox responses match Bungie's schemas", () => {
  it("for every operation", async () => {
    const { sandbox, clock } = testSandbox({ start: Date.UTC(2025, 10, 29, 12) });
    const d = await demo(sandbox);
    const users = await control<{ users: { key: string; membershipId: string }[] }>(
      sandbox,
      "users",
    );
    const bnet = users.users.find((u) => u.key === "demo")?.membershipId;
    const seen = new Set<string>();
    const check = async (
      operationId: string,
      pathAndQuery: string,
      options: Parameters<typeof call>[2] = {},
    ) => {
      const result = await call(sandbox, pathAndQuery, options);
      expect(result.body.ErrorCode, `${operationId} ${pathAndQuery}: ${result.body.Message}`).toBe(
        1,
      );
      expectValid(operationId, result.body);
      seen.add(operationId);
      return result;
    };
    const P = `/Platform/Destiny2/3/Profile/${d.profile.membershipId}`;
    await check(
      "User.GetMembershipDataForCurrentUser",
      "/Platform/User/GetMembershipsForCurrentUser/",
      { token: d.token },
    );
    await check("User.GetBungieNetUserById", `/Platform/User/GetBungieNetUserById/${bnet}/`);
    await check("User.GetMembershipDataById", `/Platform/User/GetMembershipsById/${bnet}/254/`);
    await check(
      "Destiny2.GetLinkedProfiles",
      `/Platform/Destiny2/254/Profile/${bnet}/LinkedProfiles/?getAllMemberships=true`,
    );
    await check("Destiny2.GetDestinyManifest", "/Platform/Destiny2/Manifest/");
    await check("Destiny2.GetProfile", `${P}/?components=${ALL_COMPONENTS}`, { token: d.token });
    await check("Destiny2.GetProfile", `${P}/?components=${ALL_COMPONENTS}`);
    await check(
      "Destiny2.GetCharacter",
      `${P}/Character/${d.titan.characterId}/?components=${ALL_COMPONENTS}`,
      { token: d.token },
    );
    const item = d.profile.items.find((i) => i.itemInstanceId && i.where.startsWith("equipped:"));
    await check(
      "Destiny2.GetItem",
      `${P}/Item/${item?.itemInstanceId}/?components=300,301,302,303,304,305,307,309,310`,
      { token: d.token },
    );
    await check(
      "Destiny2.GetVendors",
      `${P}/Character/${d.titan.characterId}/Vendors/?components=400,401,402,600,1200`,
      { token: d.token },
    );
    await check(
      "Destiny2.GetVendor",
      `${P}/Character/${d.titan.characterId}/Vendors/${VendorHashes.Xur}/?components=400,401,402,300,302,304,305`,
      { token: d.token },
    );
    await check(
      "Destiny2.GetPublicVendors",
      "/Platform/Destiny2/Vendors/?components=400,401,402,1200",
    );
    const groups = await check(
      "GroupV2.GetGroupsForMember",
      `/Platform/GroupV2/User/3/${d.profile.membershipId}/0/1/`,
    );
    const groupId = (groups.body.Response as { results: { group: { groupId: string } }[] })
      .results[0]?.group.groupId;
    await check("GroupV2.GetGroup", `/Platform/GroupV2/${groupId}/`, { token: d.token });
    await check("GroupV2.GetMembersOfGroup", `/Platform/GroupV2/${groupId}/Members/?currentpage=1`);
    await check(
      "Destiny2.SearchDestinyPlayerByBungieName",
      "/Platform/Destiny2/SearchDestinyPlayerByBungieName/-1/",
      { body: { displayName: "Aurora Vale", displayNameCode: 4821 } },
    );

    const tick = () => {
      clock.now += 200;
    };
    const inventory = d.profile.items.find(
      (i) =>
        i.itemInstanceId &&
        i.where === `inventory:${d.hunter.characterId}` &&
        i.bucketHash !== 3284755031,
    );
    await check("Destiny2.SetItemLockState", "/Platform/Destiny2/Actions/Items/SetLockState/", {
      token: d.token,
      body: {
        state: true,
        itemId: inventory?.itemInstanceId,
        characterId: d.hunter.characterId,
        membershipType: 3,
      },
    });
    tick();
    await check("Destiny2.TransferItem", "/Platform/Destiny2/Actions/Items/TransferItem/", {
      token: d.token,
      body: {
        itemReferenceHash: inventory?.itemHash,
        stackSize: 1,
        transferToVault: true,
        itemId: inventory?.itemInstanceId,
        characterId: d.hunter.characterId,
        membershipType: 3,
      },
    });
    tick();
    const lost = d.profile.items.find((i) => i.where === `postmaster:${d.hunter.characterId}`);
    await check(
      "Destiny2.PullFromPostmaster",
      "/Platform/Destiny2/Actions/Items/PullFromPostmaster/",
      {
        token: d.token,
        body: {
          itemReferenceHash: lost?.itemHash,
          stackSize: lost?.quantity,
          itemId: lost?.itemInstanceId ?? "0",
          characterId: d.hunter.characterId,
          membershipType: 3,
        },
      },
    );
    tick();
    const ghost = d.profile.items.find(
      (i) => i.where === `inventory:${d.warlock.characterId}` && i.bucketHash === 4023194814,
    );
    await check("Destiny2.EquipItem", "/Platform/Destiny2/Actions/Items/EquipItem/", {
      token: d.token,
      body: {
        itemId: ghost?.itemInstanceId,
        characterId: d.warlock.characterId,
        membershipType: 3,
      },
    });
    tick();
    await check("Destiny2.EquipItems", "/Platform/Destiny2/Actions/Items/EquipItems/", {
      token: d.token,
      body: {
        itemIds: [ghost?.itemInstanceId],
        characterId: d.warlock.characterId,
        membershipType: 3,
      },
    });

    // In-game loadouts (1 s apart per player) and a subclass plug (0.5 s).
    const second = () => {
      clock.now += 1_000;
    };
    const loadout = { characterId: d.hunter.characterId, membershipType: 3 };
    second();
    await check(
      "Destiny2.SnapshotLoadout",
      "/Platform/Destiny2/Actions/Loadouts/SnapshotLoadout/",
      {
        token: d.token,
        body: { ...loadout, loadoutIndex: 5, nameHash: 0, iconHash: 0, colorHash: 0 },
      },
    );
    second();
    await check(
      "Destiny2.UpdateLoadoutIdentifiers",
      "/Platform/Destiny2/Actions/Loadouts/UpdateLoadoutIdentifiers/",
      {
        token: d.token,
        body: { ...loadout, loadoutIndex: 5, nameHash: defs.loadouts.nameHashes[3] },
      },
    );
    second();
    await check("Destiny2.EquipLoadout", "/Platform/Destiny2/Actions/Loadouts/EquipLoadout/", {
      token: d.token,
      body: { ...loadout, loadoutIndex: 1 },
    });
    second();
    await check("Destiny2.ClearLoadout", "/Platform/Destiny2/Actions/Loadouts/ClearLoadout/", {
      token: d.token,
      body: { ...loadout, loadoutIndex: 5 },
    });
    const subclass = d.profile.items.find(
      (i) => i.where === `equipped:${d.hunter.characterId}` && i.bucketHash === 3284755031,
    );
    const grenades = defs.meta.get(subclass?.itemHash ?? 0)?.socketOptions[4] ?? [];
    const plug = grenades.find((p) => p !== subclass?.plugs?.[4]);
    await check(
      "Destiny2.InsertSocketPlugFree",
      "/Platform/Destiny2/Actions/Items/InsertSocketPlugFree/",
      {
        token: d.token,
        body: {
          plug: { socketIndex: 4, socketArrayType: 0, plugItemHash: plug },
          itemId: subclass?.itemInstanceId,
          ...loadout,
        },
      },
    );

    expect([...seen].sort()).toEqual(Object.keys(vendoredOperations()).sort());
  });

  it("for other players, private profiles and error envelopes", async () => {
    const { sandbox } = testSandbox();
    const rival = (
      await control<{
        users: { key: string; profiles: { membershipId: string; membershipType: number }[] }[];
      }>(sandbox, "users")
    ).users.find((u) => u.key === "rival")?.profiles[0];
    const token = sandbox.issueToken("demo").access_token;
    const other = await call(
      sandbox,
      `/Platform/Destiny2/${rival?.membershipType}/Profile/${rival?.membershipId}/?components=${ALL_COMPONENTS}`,
      { token },
    );
    expectValid("Destiny2.GetProfile", other.body);
    for (const [path, options] of [
      ["/Platform/Destiny2/3/Profile/1/?components=100", {}],
      ["/Platform/Destiny2/Manifest/", { apiKey: null }],
      ["/Platform/User/GetMembershipsForCurrentUser/", {}],
    ] as const) {
      const result = await call(sandbox, path, options);
      expect(result.body.ErrorCode).not.toBe(1);
      expectValid("Destiny2.GetProfile", result.body);
    }
    const action = await call(sandbox, "/Platform/Destiny2/Actions/Items/EquipItem/", {
      token,
      body: { itemId: "1", characterId: "1", membershipType: 3 },
    });
    expectValid("Destiny2.EquipItem", action.body);
  });
});

describe("manifest definitions match Bungie's definition schemas", () => {
  const tableFor: Record<string, string> = Object.fromEntries(
    DEFINITION_SCHEMAS.map((schema) => [schema.split(".").pop() as string, schema]),
  );
  it.each(Object.keys(defs.tables))("%s", (table) => {
    const schema = tableFor[table];
    expect(schema, `no schema for ${table}`).toBeDefined();
    for (const entry of Object.values(defs.tables[table] ?? {})) {
      const result = validateDefinition(schema as string, entry);
      expect(result.errors, result.errors.join("\n")).toEqual([]);
    }
  });
});
