import { describe, expect, it } from "vitest";
import {
  equipItem,
  equipItems,
  pullFromPostmaster,
  setItemLockState,
  transferItem,
} from "@/lib/bungie/actions";
import { getGroup, getGroupsForMember, getMembersOfGroup } from "@/lib/bungie/groups";
import { createLimiter, type LimitStore, type RequestTicket } from "@/lib/bungie/limits";
import { fetchContent, getDestinyManifest } from "@/lib/bungie/manifest";
import { getCharacter, getItem, getProfile } from "@/lib/bungie/profile";
import { getMembershipsForCurrentUser } from "@/lib/bungie/user";
import { getPublicVendors, getVendor, getVendors } from "@/lib/bungie/vendors";
import { envelope, testClient, type Recorded } from "./fake-fetch";

const BASE = "http://bungie.test/sandbox/Platform";

/** Answers every call with `Response: {path}` so each getter's request can be checked. */
function echoClient(config = {}) {
  return testClient(
    (call: Recorded) => ({ json: envelope({ echo: call.url.replace(BASE, "") }) }),
    config,
  );
}

describe("getters: one request each, Response returned", () => {
  const cases: [
    string,
    (o: { client: ReturnType<typeof echoClient>["client"] }) => Promise<unknown>,
    string,
  ][] = [
    [
      "getMembershipsForCurrentUser",
      (o) => getMembershipsForCurrentUser("tok-123456", o),
      "/User/GetMembershipsForCurrentUser/",
    ],
    [
      "getProfile (default components)",
      (o) => getProfile({ membershipType: 3, membershipId: "46" }, o),
      "/Destiny2/3/Profile/46/?components=100%2C102%2C103%2C200%2C201%2C204%2C205%2C206%2C300%2C304%2C305",
    ],
    [
      "getProfile",
      (o) => getProfile({ membershipType: 3, membershipId: "46", components: [100] }, o),
      "/Destiny2/3/Profile/46/?components=100",
    ],
    [
      "getCharacter",
      (o) =>
        getCharacter(
          { membershipType: 3, membershipId: "46", characterId: "7", components: [200] },
          o,
        ),
      "/Destiny2/3/Profile/46/Character/7/?components=200",
    ],
    [
      "getItem",
      (o) =>
        getItem(
          { membershipType: 3, membershipId: "46", itemInstanceId: "9", components: [300] },
          o,
        ),
      "/Destiny2/3/Profile/46/Item/9/?components=300",
    ],
    ["getDestinyManifest", (o) => getDestinyManifest(o), "/Destiny2/Manifest/"],
    [
      "getVendors",
      (o) =>
        getVendors(
          {
            membershipType: 3,
            membershipId: "46",
            characterId: "7",
            accessToken: "tok-123456",
            filter: 1,
          },
          o,
        ),
      "/Destiny2/3/Profile/46/Character/7/Vendors/?components=400%2C402&filter=1",
    ],
    [
      "getVendor",
      (o) =>
        getVendor(
          {
            membershipType: 3,
            membershipId: "46",
            characterId: "7",
            accessToken: "tok-123456",
            vendorHash: 672118013,
          },
          o,
        ),
      "/Destiny2/3/Profile/46/Character/7/Vendors/672118013/?components=400%2C402",
    ],
    ["getPublicVendors", (o) => getPublicVendors({}, o), "/Destiny2/Vendors/?components=400%2C402"],
    [
      "getGroupsForMember",
      (o) => getGroupsForMember({ membershipType: 3, membershipId: "46" }, o),
      "/GroupV2/User/3/46/0/1/",
    ],
    ["getGroup", (o) => getGroup("4242", o), "/GroupV2/4242/"],
    [
      "getMembersOfGroup",
      (o) => getMembersOfGroup("4242", 2, o),
      "/GroupV2/4242/Members/?currentpage=2",
    ],
  ];
  for (const [name, run, path] of cases) {
    it(name, async () => {
      const { client, calls } = echoClient();
      expect(await run({ client })).toEqual({ echo: path });
      expect(calls).toHaveLength(1);
      expect(calls[0]!.url).toBe(`${BASE}${path}`);
    });
  }

  it("sends the player's token where given", async () => {
    const { client, calls } = echoClient();
    await getProfile(
      { membershipType: 3, membershipId: "46", accessToken: "tok-abcdef" },
      { client },
    );
    expect(calls[0]!.headers.authorization).toBe("Bearer tok-abcdef");
  });
});

describe("item actions", () => {
  const context = {
    accessToken: "tok-abcdef",
    bungieMembershipId: "20000001",
    membershipType: 3,
    characterId: "7",
  };

  it("POST the documented bodies with the token", async () => {
    const { client, calls } = testClient((call) =>
      call.url.endsWith("EquipItems/")
        ? { json: envelope({ equipResults: [{ itemInstanceId: "1", equipStatus: 1 }] }) }
        : { json: envelope(0) },
    );
    await transferItem(
      { ...context, itemId: null, itemReferenceHash: 5, stackSize: 10, transferToVault: true },
      { client },
    );
    await pullFromPostmaster(
      { ...context, itemId: "11", itemReferenceHash: 6, stackSize: 1 },
      { client },
    );
    await equipItem({ ...context, itemId: "12" }, { client });
    const results = await equipItems({ ...context, itemIds: ["1"] }, { client });
    await setItemLockState({ ...context, itemId: "13", locked: true }, { client });

    expect(results.equipResults).toHaveLength(1);
    expect(calls.map((c) => [c.url.replace(BASE, ""), JSON.parse(c.body!)])).toEqual([
      [
        "/Destiny2/Actions/Items/TransferItem/",
        {
          itemReferenceHash: 5,
          stackSize: 10,
          transferToVault: true,
          itemId: "0",
          characterId: "7",
          membershipType: 3,
        },
      ],
      [
        "/Destiny2/Actions/Items/PullFromPostmaster/",
        { itemReferenceHash: 6, stackSize: 1, itemId: "11", characterId: "7", membershipType: 3 },
      ],
      ["/Destiny2/Actions/Items/EquipItem/", { itemId: "12", characterId: "7", membershipType: 3 }],
      [
        "/Destiny2/Actions/Items/EquipItems/",
        { itemIds: ["1"], characterId: "7", membershipType: 3 },
      ],
      [
        "/Destiny2/Actions/Items/SetLockState/",
        { state: true, itemId: "13", characterId: "7", membershipType: 3 },
      ],
    ]);
    expect(calls.every((c) => c.headers.authorization === "Bearer tok-abcdef")).toBe(true);
  });

  it("take the player's item-action lease (membership id, kind item) at action priority; reads don't", async () => {
    const claims: string[] = [];
    const released: string[] = [];
    const tickets: string[] = [];
    const store: LimitStore = {
      kind: "memory",
      tryRequest: async () => ({ granted: 0, waitMs: 0 }),
      answered: async () => {},
      leaveQueue: async () => {},
      backOff: async () => {},
      tryAction: async (claim) => (claims.push(`${claim.player}:${claim.action}`), 0),
      releaseAction: async (player, action) => void released.push(`${player}:${action}`),
      close: async () => {},
    };
    const limiter = createLimiter(store);
    const { client } = echoClient({
      limiter: {
        ...limiter,
        acquireRequest: (ticket?: RequestTicket) => {
          tickets.push(`${ticket?.priority}:${ticket?.player}`);
          return limiter.acquireRequest(ticket);
        },
      },
    });
    await transferItem(
      { ...context, itemId: null, itemReferenceHash: 5, stackSize: 10, transferToVault: true },
      { client },
    );
    await pullFromPostmaster(
      { ...context, itemId: "11", itemReferenceHash: 6, stackSize: 1 },
      { client },
    );
    await equipItem({ ...context, itemId: "12" }, { client });
    await getProfile({ membershipType: 3, membershipId: "46" }, { client });
    await equipItems({ ...context, itemIds: ["1"] }, { client });
    await setItemLockState({ ...context, itemId: "13", locked: false }, { client });
    expect(claims).toEqual(Array(5).fill("20000001:item"));
    expect(released).toEqual(claims);
    // Actions wait at "action" priority as their player; the anonymous read at "page".
    expect(tickets).toEqual([
      ...Array(3).fill("action:20000001"),
      "page:anonymous",
      ...Array(2).fill("action:20000001"),
    ]);
  });
});

describe("fetchContent getter", () => {
  it("goes through the given client", async () => {
    const { client, calls } = testClient([{ text: "{}" }]);
    const response = await fetchContent("/common/destiny2_content/json/en/x.json", { client });
    expect(await response.text()).toBe("{}");
    expect(calls[0]!.url).toBe("http://bungie.test/sandbox/common/destiny2_content/json/en/x.json");
  });
});
