// A subclass's configuration, as the game has it since subclasses 3.0: twelve sockets (super,
// class ability, movement, melee, grenade, two aspects, five fragments), each drawing its plugs
// from a reusable plug set (DestinyPlugSetDefinition, `reusablePlugSetHash`). InsertSocketPlugFree
// changes them; in-game loadouts save them. Built after every other item (a new section), then
// attached to the subclass definitions, so no older hash or index moves.
import type { DestinyPlugSetDefinition } from "bungie-api-ts/destiny2";
import { ItemType } from "../../../../lib/destiny/game-facts";
import { type Element, SUBCLASSES } from "../../catalog";
import { displayProperties, iconPath } from "../common";
import { SocketCategoryHashes } from "../static-tables";
import { inventoryBlock, type ItemTableBuilder, plugBlock } from "./builder";
import type { SubclassSocketKind } from "./types";

export type PlugSetDefinition = DestinyPlugSetDefinition;

type ByClass<T> = readonly [T, T, T];
type LightElement = Exclude<Element, "Kinetic">;

const SUPERS: ByClass<Record<LightElement, readonly string[]>> = [
  {
    Arc: ["Fists of Havoc", "Thundercrash"],
    Solar: ["Hammer of Sol", "Burning Maul"],
    Void: ["Sentinel Shield", "Ward of Dawn"],
    Stasis: ["Glacial Quake"],
    Strand: ["Bladefury"],
  },
  {
    Arc: ["Arc Staff", "Gathering Storm"],
    Solar: ["Golden Gun", "Blade Barrage"],
    Void: ["Shadowshot", "Spectral Blades"],
    Stasis: ["Silence and Squall"],
    Strand: ["Silkstrike"],
  },
  {
    Arc: ["Stormtrance", "Chaos Reach"],
    Solar: ["Well of Radiance", "Daybreak"],
    Void: ["Nova Bomb", "Nova Warp"],
    Stasis: ["Winter's Wrath"],
    Strand: ["Needlestorm"],
  },
];
const MELEES: ByClass<Record<LightElement, readonly string[]>> = [
  {
    Arc: ["Ballistic Slam", "Thunderclap"],
    Solar: ["Hammer Strike", "Throwing Hammer"],
    Void: ["Shield Bash", "Shield Throw"],
    Stasis: ["Shiver Strike"],
    Strand: ["Frenzied Blade"],
  },
  {
    Arc: ["Combination Blow", "Disorienting Blow"],
    Solar: ["Knife Trick", "Lightweight Knife"],
    Void: ["Snare Bomb"],
    Stasis: ["Withering Blade"],
    Strand: ["Threaded Spike"],
  },
  {
    Arc: ["Chain Lightning", "Ball Lightning"],
    Solar: ["Incinerator Snap", "Celestial Fire"],
    Void: ["Pocket Singularity"],
    Stasis: ["Penumbral Blast"],
    Strand: ["Arcane Needle"],
  },
];
const ASPECTS: ByClass<Record<LightElement, readonly string[]>> = [
  {
    Arc: ["Juggernaut", "Knockout", "Touch of Thunder"],
    Solar: ["Roaring Flames", "Sol Invictus", "Consecration"],
    Void: ["Bastion", "Offensive Bulwark", "Controlled Demolition"],
    Stasis: ["Tectonic Harvest", "Howl of the Storm", "Cryoclasm"],
    Strand: ["Into the Fray", "Drengr's Lash", "Flechette Storm"],
  },
  {
    Arc: ["Flow State", "Lethal Current", "Tempest Strike"],
    Solar: ["Knock 'Em Down", "On Your Mark", "Gunpowder Gamble"],
    Void: ["Trapper's Ambush", "Vanishing Step", "Stylish Executioner"],
    Stasis: ["Shatterdive", "Grim Harvest", "Winter's Shroud"],
    Strand: ["Widow's Silk", "Ensnaring Slam", "Whirling Maelstrom"],
  },
  {
    Arc: ["Electrostatic Mind", "Arc Soul", "Lightning Surge"],
    Solar: ["Heat Rises", "Touch of Flame", "Icarus Dash"],
    Void: ["Chaos Accelerant", "Feed the Void", "Child of the Old Gods"],
    Stasis: ["Iceflare Bolts", "Frostpulse", "Glacial Harvest"],
    Strand: ["Weaver's Call", "Mindspun Invocation", "The Wanderer"],
  },
];
const CLASS_ABILITIES: ByClass<readonly string[]> = [
  ["Towering Barricade", "Rally Barricade", "Thruster"],
  ["Marksman's Dodge", "Gambler's Dodge", "Acrobat's Dodge"],
  ["Healing Rift", "Empowering Rift", "Phoenix Dive"],
];
const MOVEMENT: ByClass<readonly string[]> = [
  ["High Lift", "Strafe Lift", "Catapult Lift"],
  ["High Jump", "Strafe Jump", "Triple Jump"],
  ["Burst Glide", "Strafe Glide", "Balanced Glide"],
];
const GRENADES: Record<LightElement, readonly string[]> = {
  Arc: ["Pulse Grenade", "Storm Grenade", "Flashbang Grenade"],
  Solar: ["Solar Grenade", "Fusion Grenade", "Healing Grenade"],
  Void: ["Vortex Grenade", "Suppressor Grenade", "Scatter Grenade"],
  Stasis: ["Coldsnap Grenade", "Duskfield Grenade", "Glacier Grenade"],
  Strand: ["Grapple", "Shackle Grenade", "Threadling Grenade"],
};
const FRAGMENT_PREFIX: Record<LightElement, string> = {
  Arc: "Spark of",
  Solar: "Ember of",
  Void: "Echo of",
  Stasis: "Whisper of",
  Strand: "Thread of",
};
const FRAGMENT_WORDS = [
  "Beacons",
  "Discharge",
  "Focus",
  "Frequency",
  "Haste",
  "Ions",
  "Magnitude",
  "Recharge",
  "Resistance",
  "Shock",
];

/** [socket kind, how many sockets, socket type role] in socket order. */
const LAYOUT: readonly (readonly [
  SubclassSocketKind,
  number,
  "super" | "classAbility" | "movement" | "melee" | "grenade" | "aspect" | "fragment",
])[] = [
  ["supers", 1, "super"],
  ["class-abilities", 1, "classAbility"],
  ["movement", 1, "movement"],
  ["melee", 1, "melee"],
  ["grenades", 1, "grenade"],
  ["aspects", 2, "aspect"],
  ["fragments", 5, "fragment"],
];

export interface SubclassSockets {
  plugSets: Record<string, PlugSetDefinition>;
  /** Plug set hashes by subclass item hash, one per socket, in socket order. */
  plugSetsBySubclass: Map<number, number[]>;
}

/** Builds the subclass plugs and plug sets, and gives every subclass its twelve sockets. */
export function buildSubclassSockets(b: ItemTableBuilder): SubclassSockets {
  const plugSets: Record<string, PlugSetDefinition> = {};
  const plugHashes = new Map<string, number>();
  const plug = (kind: SubclassSocketKind, element: string, name: string, description: string) => {
    const key = `subclass-plug:${kind}:${name}`;
    const existing = plugHashes.get(key);
    if (existing !== undefined) return existing;
    const hash = b.registry.allocate(key);
    const def = b.base(
      hash,
      name,
      description,
      iconPath("ability", 0, hash),
      ItemType.Mod,
      KIND_NAMES[kind],
      2,
    );
    def.inventory = inventoryBlock(0, 2, 1, false);
    def.plug = plugBlock(`${kind}.${element.toLowerCase()}`);
    b.add(def, {
      kind: "plug",
      bucketHash: 0,
      rarity: 2,
      classType: 3,
      exotic: false,
      instanced: false,
      maxStackSize: 1,
      nonTransferrable: true,
      damageType: 0,
      socketOptions: [],
      baseStats: {},
      subclassPlug: { socket: kind, element },
    });
    plugHashes.set(key, hash);
    return hash;
  };
  const plugSet = (key: string, name: string, hashes: number[]) => {
    const hash = b.registry.allocate(`plug-set:${key}`);
    if (!plugSets[String(hash)]) {
      plugSets[String(hash)] = {
        displayProperties: displayProperties(name, "", null),
        reusablePlugItems: hashes.map((plugItemHash) => ({
          weight: 1,
          alternateWeight: 1,
          currentlyCanRoll: true,
          craftingRequirements: {
            unlockRequirements: [],
            materialRequirementHashes: [],
            failureDescription: "",
          },
          plugItemHash,
        })),
        isFakePlugSet: false,
        hash,
        index: Object.keys(plugSets).length,
        redacted: false,
      };
    }
    return hash;
  };

  const plugSetsBySubclass = new Map<number, number[]>();
  const subclassHashes = new Map(
    [...b.meta.values()].filter((m) => m.kind === "subclass").map((m) => [m.name, m.hash]),
  );
  for (const [classType, element, subclassName] of SUBCLASSES) {
    if (element === "Kinetic") continue;
    const subclassHash = subclassHashes.get(subclassName);
    if (subclassHash === undefined) throw new Error(`no subclass ${subclassName}`);
    const options: Record<SubclassSocketKind, readonly string[]> = {
      supers: SUPERS[classType][element],
      "class-abilities": CLASS_ABILITIES[classType],
      movement: MOVEMENT[classType],
      melee: MELEES[classType][element],
      grenades: GRENADES[element],
      aspects: ASPECTS[classType][element],
      fragments: FRAGMENT_WORDS.map((word) => `${FRAGMENT_PREFIX[element]} ${word}`),
    };
    // Class-wide and element-wide sets are shared, as in the game.
    const scope: Record<SubclassSocketKind, string> = {
      supers: subclassName,
      "class-abilities": `class-${classType}`,
      movement: `class-${classType}`,
      melee: subclassName,
      grenades: element,
      aspects: subclassName,
      fragments: element,
    };
    const socketOptions: number[][] = [];
    const setHashes: number[] = [];
    const types: number[] = [];
    for (const [kind, count, role] of LAYOUT) {
      const hashes = options[kind].map((name) =>
        plug(kind, element, name, `${KIND_NAMES[kind]} of the ${element} subclasses.`),
      );
      const setHash = plugSet(`${kind}:${scope[kind]}`, `${KIND_NAMES[kind]}s`, hashes);
      for (let n = 0; n < count; n++) {
        // Aspects and fragments start in different plugs; a subclass never holds one twice.
        const first = kind === "aspects" || kind === "fragments" ? n : 0;
        socketOptions.push([...hashes.slice(first), ...hashes.slice(0, first)]);
        setHashes.push(setHash);
        types.push(b.socketTypes[role]);
      }
    }
    plugSetsBySubclass.set(subclassHash, setHashes);
    const def = b.items[String(subclassHash)];
    const m = b.meta.get(subclassHash);
    if (!def || !m) throw new Error(`no subclass ${subclassName}`);
    def.sockets = {
      detail: "",
      socketEntries: socketOptions.map((opts, i) => ({
        socketTypeHash: types[i] ?? 0,
        singleInitialItemHash: opts[0] ?? 0,
        reusablePlugItems: [],
        preventInitializationOnVendorPurchase: false,
        hidePerksInItemTooltip: false,
        plugSources: 2,
        reusablePlugSetHash: setHashes[i],
        defaultVisible: true,
      })),
      intrinsicSockets: [],
      socketCategories: [
        { socketCategoryHash: SocketCategoryHashes.Super, socketIndexes: [0] },
        { socketCategoryHash: SocketCategoryHashes.Abilities, socketIndexes: [1, 2, 3, 4] },
        { socketCategoryHash: SocketCategoryHashes.Aspects, socketIndexes: [5, 6] },
        { socketCategoryHash: SocketCategoryHashes.Fragments, socketIndexes: [7, 8, 9, 10, 11] },
      ],
    };
    m.socketOptions = socketOptions;
    m.freeSockets = socketOptions.map((_, i) => i);
  }
  return { plugSets, plugSetsBySubclass };
}

const KIND_NAMES: Record<SubclassSocketKind, string> = {
  supers: "Super Ability",
  "class-abilities": "Class Ability",
  movement: "Movement Ability",
  melee: "Melee Ability",
  grenades: "Grenade",
  aspects: "Aspect",
  fragments: "Fragment",
};
