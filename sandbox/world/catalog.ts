// The raw material of the sandbox manifest: plausible Destiny 2 item names grouped the way the
// game groups them. Definitions (definitions.ts) turn these rows into manifest entries with
// hashes, stats and sockets; keeping the names apart keeps that builder readable.

export type WeaponKind =
  | "AutoRifle"
  | "HandCannon"
  | "PulseRifle"
  | "ScoutRifle"
  | "Sidearm"
  | "SubmachineGun"
  | "Bow"
  | "Shotgun"
  | "SniperRifle"
  | "FusionRifle"
  | "TraceRifle"
  | "Glaive"
  | "GrenadeLauncher"
  | "RocketLauncher"
  | "MachineGun"
  | "Sword"
  | "LinearFusionRifle";

export type Slot = "K" | "E" | "P";
export type Element = "Kinetic" | "Arc" | "Solar" | "Void" | "Stasis" | "Strand";

/** name, kind, slot, element[, intrinsic perk name for exotics] */
export type WeaponRow = readonly [string, WeaponKind, Slot, Element, string?];

export const LEGENDARY_WEAPONS: readonly WeaponRow[] = [
  ["Fatebringer", "HandCannon", "K", "Kinetic"],
  ["Palindrome", "HandCannon", "E", "Void"],
  ["Austringer", "HandCannon", "K", "Kinetic"],
  ["Igneous Hammer", "HandCannon", "E", "Solar"],
  ["Luna's Howl", "HandCannon", "E", "Solar"],
  ["Not Forgotten", "HandCannon", "E", "Void"],
  ["Rose", "HandCannon", "K", "Kinetic"],
  ["Round Robin", "HandCannon", "K", "Strand"],
  ["Headstone", "HandCannon", "K", "Stasis"],
  ["Trust", "HandCannon", "E", "Solar"],
  ["Midnight Coup", "HandCannon", "K", "Kinetic"],
  ["Nameless Midnight", "ScoutRifle", "K", "Kinetic"],
  ["Vision of Confluence", "ScoutRifle", "K", "Kinetic"],
  ["Aisha's Embrace", "ScoutRifle", "K", "Kinetic"],
  ["Hung Jury SR4", "ScoutRifle", "E", "Arc"],
  ["Taraxippos", "ScoutRifle", "E", "Void"],
  ["Doom of Chelchis", "ScoutRifle", "K", "Kinetic"],
  ["Gnawing Hunger", "AutoRifle", "K", "Kinetic"],
  ["Chroma Rush", "AutoRifle", "K", "Kinetic"],
  ["Rufus's Fury", "AutoRifle", "K", "Strand"],
  ["Ascendancy", "AutoRifle", "E", "Void"],
  ["Seventh Seraph Carbine", "AutoRifle", "E", "Arc"],
  ["Age-Old Bond", "AutoRifle", "E", "Solar"],
  ["The Messenger", "PulseRifle", "K", "Kinetic"],
  ["Bygones", "PulseRifle", "K", "Kinetic"],
  ["Blast Furnace", "PulseRifle", "K", "Kinetic"],
  ["Chattering Bone", "PulseRifle", "E", "Void"],
  ["Syncopation-53", "PulseRifle", "E", "Arc"],
  ["Lunulata-4b", "PulseRifle", "E", "Solar"],
  ["Funnelweb", "SubmachineGun", "E", "Void"],
  ["Recluse", "SubmachineGun", "E", "Void"],
  ["Calus Mini-Tool", "SubmachineGun", "E", "Solar"],
  ["IKELOS_SMG_v1.0.3", "SubmachineGun", "E", "Arc"],
  ["Multimach CCX", "SubmachineGun", "K", "Kinetic"],
  ["Cryosthesia 77K", "Sidearm", "K", "Stasis"],
  ["Ammit AR2", "Sidearm", "E", "Solar"],
  ["Drang (Baroque)", "Sidearm", "K", "Kinetic"],
  ["Hollow Words", "Bow", "K", "Strand"],
  ["Under Your Skin", "Bow", "E", "Arc"],
  ["Tyranny of Heaven", "Bow", "E", "Solar"],
  ["Biting Winds", "Bow", "E", "Void"],
  ["Felwinter's Lie", "Shotgun", "K", "Kinetic"],
  ["Mindbender's Ambition", "Shotgun", "K", "Kinetic"],
  ["Heritage", "Shotgun", "K", "Kinetic"],
  ["Wastelander M5", "Shotgun", "K", "Kinetic"],
  ["Astral Horizon", "Shotgun", "E", "Arc"],
  ["Found Verdict", "Shotgun", "E", "Void"],
  ["IKELOS_SG_v1.0.2", "Shotgun", "E", "Solar"],
  ["Beloved", "SniperRifle", "K", "Kinetic"],
  ["Succession", "SniperRifle", "K", "Kinetic"],
  ["IKELOS_SR_v1.0.2", "SniperRifle", "E", "Arc"],
  ["Adored", "SniperRifle", "E", "Void"],
  ["Riptide", "FusionRifle", "K", "Stasis"],
  ["Deliverance", "FusionRifle", "K", "Stasis"],
  ["Zealot's Reward", "FusionRifle", "E", "Arc"],
  ["Main Ingredient", "FusionRifle", "E", "Solar"],
  ["Loaded Question", "FusionRifle", "E", "Arc"],
  ["Cartesian Coordinate", "FusionRifle", "E", "Arc"],
  ["Ignition Code", "GrenadeLauncher", "K", "Kinetic"],
  ["Forbearance", "GrenadeLauncher", "E", "Arc"],
  ["Deafening Whisper", "GrenadeLauncher", "E", "Void"],
  ["Judgment of Kelgorath", "Glaive", "E", "Arc"],
  ["Nezarec's Whisper", "Glaive", "E", "Void"],
  ["Servant Leader", "TraceRifle", "E", "Void"],
  ["Hothead", "RocketLauncher", "P", "Solar"],
  ["Apex Predator", "RocketLauncher", "P", "Void"],
  ["Palmyra-B", "RocketLauncher", "P", "Solar"],
  ["Bump in the Night", "RocketLauncher", "P", "Void"],
  ["Hezen Vengeance", "RocketLauncher", "P", "Arc"],
  ["Cold Comfort", "RocketLauncher", "P", "Stasis"],
  ["Crowning Duologue", "RocketLauncher", "P", "Solar"],
  ["Fixed Odds", "MachineGun", "P", "Void"],
  ["Unwavering Duty", "MachineGun", "P", "Strand"],
  ["Commemoration", "MachineGun", "P", "Void"],
  ["Taipan-4fr", "LinearFusionRifle", "P", "Kinetic"],
  ["Stormchaser", "LinearFusionRifle", "P", "Arc"],
  ["Scintillation", "LinearFusionRifle", "P", "Strand"],
  ["Reed's Regret", "LinearFusionRifle", "P", "Stasis"],
  ["Edge Transit", "GrenadeLauncher", "P", "Void"],
  ["Cataphract GL3", "GrenadeLauncher", "P", "Solar"],
  ["Wendigo GL3", "GrenadeLauncher", "P", "Strand"],
  ["Falling Guillotine", "Sword", "P", "Void"],
  ["Quickfang", "Sword", "P", "Arc"],
  ["Throne-Cleaver", "Sword", "P", "Strand"],
  ["The Other Half", "Sword", "P", "Void"],
  ["Lingering Dread", "SniperRifle", "P", "Strand"],
  ["Dire Promise", "HandCannon", "K", "Kinetic"],
  ["Posterity", "HandCannon", "E", "Void"],
  ["Outbreak Prime", "PulseRifle", "K", "Kinetic"],
  ["Perfect Paradox", "Shotgun", "K", "Kinetic"],
  ["Eyasluna", "HandCannon", "K", "Kinetic"],
  ["Gridskipper", "PulseRifle", "E", "Arc"],
  ["Rake Angle", "Glaive", "E", "Solar"],
  ["Sacred Provenance", "PulseRifle", "K", "Kinetic"],
  ["Kept Confidence", "AutoRifle", "K", "Strand"],
  ["Nullify", "PulseRifle", "K", "Stasis"],
  ["Ragnhild-D", "Sword", "P", "Stasis"],
  ["Fire and Ice", "Bow", "E", "Solar"],
  ["Imperative", "PulseRifle", "E", "Solar"],
];

export const EXOTIC_WEAPONS: readonly WeaponRow[] = [
  ["Gjallarhorn", "RocketLauncher", "P", "Solar", "Wolfpack Rounds"],
  ["Ace of Spades", "HandCannon", "K", "Kinetic", "Memento Mori"],
  ["Thorn", "HandCannon", "K", "Kinetic", "Mark of the Devourer"],
  ["The Last Word", "HandCannon", "K", "Kinetic", "Fan Fire"],
  ["Sunshot", "HandCannon", "E", "Solar", "Sunburn"],
  ["Riskrunner", "SubmachineGun", "E", "Arc", "Arc Conductor"],
  ["Sweet Business", "AutoRifle", "K", "Kinetic", "Payday"],
  ["Outbreak Perfected", "PulseRifle", "K", "Kinetic", "The Corruption Spreads"],
  ["Vex Mythoclast", "FusionRifle", "E", "Solar", "Overcharger"],
  ["Whisper of the Worm", "SniperRifle", "P", "Solar", "The Whisper"],
  ["Sleeper Simulant", "LinearFusionRifle", "P", "Solar", "Reflective Amplifier"],
  ["Izanagi's Burden", "SniperRifle", "K", "Kinetic", "Honed Edge"],
  ["Witherhoard", "GrenadeLauncher", "K", "Kinetic", "Primeval's Torment"],
  ["Osteo Striga", "SubmachineGun", "K", "Kinetic", "Screaming Swarm"],
  ["Trinity Ghoul", "Bow", "E", "Arc", "Lightning Rod"],
  ["Graviton Lance", "PulseRifle", "E", "Void", "Black Hole"],
  ["Le Monarque", "Bow", "E", "Void", "Poison Arrows"],
  ["Cloudstrike", "SniperRifle", "E", "Arc", "Stormbringer"],
  ["The Lament", "Sword", "P", "Solar", "Bloodthirsty"],
  ["Xenophage", "MachineGun", "P", "Solar", "Pyrotoxin Rounds"],
  ["Thunderlord", "MachineGun", "P", "Arc", "Reign Havoc"],
  ["Two-Tailed Fox", "RocketLauncher", "P", "Void", "Third Tail"],
  ["Ager's Scepter", "TraceRifle", "E", "Stasis", "Voice of Command"],
  ["Quicksilver Storm", "AutoRifle", "K", "Strand", "Grenade Chaser"],
  ["Final Warning", "Sidearm", "K", "Strand", "Marked for Neutralization"],
  ["Deterministic Chaos", "MachineGun", "P", "Void", "Tesseract"],
  ["Vexcalibur", "Glaive", "E", "Void", "Enduring Blade"],
  ["Wish-Ender", "Bow", "K", "Kinetic", "Broadhead Harpoon"],
];

/** Blue (Rare), green (Common) and white (Basic) weapons: the early-game drops apps must still render. */
export const RARE_WEAPONS: readonly WeaponRow[] = [
  ["Sureshot HC4", "HandCannon", "K", "Kinetic"],
  ["Nox Reve II", "AutoRifle", "K", "Kinetic"],
  ["Pribina-D", "HandCannon", "E", "Arc"],
  ["Cadenza-43", "SubmachineGun", "E", "Solar"],
  ["Gentleman's Spite", "ScoutRifle", "K", "Kinetic"],
  ["Refrain-23", "PulseRifle", "E", "Void"],
  ["Daystar SMG2", "SubmachineGun", "K", "Kinetic"],
  ["Black Scorpion-4sr", "ScoutRifle", "E", "Solar"],
  ["Lincoln-D", "Shotgun", "K", "Kinetic"],
  ["Interference VI", "SniperRifle", "E", "Arc"],
  ["Shadow Price", "AutoRifle", "E", "Void"],
  ["Pentatonic-48", "FusionRifle", "E", "Arc"],
  ["Sorrow MG2", "MachineGun", "P", "Solar"],
  ["Cup-Bearer SA/2", "GrenadeLauncher", "P", "Void"],
];
export const COMMON_WEAPONS: readonly WeaponRow[] = [
  ["Sweet Nothing", "AutoRifle", "K", "Kinetic"],
  ["Rule of Seven", "HandCannon", "E", "Solar"],
  ["Pacifier MG5", "MachineGun", "P", "Arc"],
  ["Carrion Call", "PulseRifle", "E", "Arc"],
  ["Fetch-22", "ScoutRifle", "K", "Kinetic"],
];
export const BASIC_WEAPONS: readonly WeaponRow[] = [
  ["Seeker HC1", "HandCannon", "K", "Kinetic"],
  ["Guardian's Standard", "AutoRifle", "E", "Arc"],
  ["Last City Sidearm", "Sidearm", "K", "Kinetic"],
  ["Frontline Rocket", "RocketLauncher", "P", "Solar"],
];

/**
 * New this season: legendary weapons and one armour set that vendors sell (Banshee-44 and Ada-1
 * always feature one) but that never dropped in the generated world, so no profile holds them
 * and every collection shows them not yet acquired. They keep "Not yet owned" on the vendors
 * page meaningful whatever the reset.
 */
export const SEASON_WEAPONS: readonly WeaponRow[] = [
  ["Horizon Warden", "ScoutRifle", "K", "Kinetic"],
  ["Ember Lattice", "PulseRifle", "E", "Solar"],
  ["Quiet Meridian", "SniperRifle", "E", "Void"],
  ["Tidebreaker", "Shotgun", "K", "Strand"],
  ["Coldfront Oath", "HandCannon", "K", "Stasis"],
  ["Lamplighter's Due", "AutoRifle", "E", "Arc"],
];
export const SEASON_ARMOR_SETS: readonly string[] = ["Lastlight Vigil"];

/** Per-class names of the five armour pieces, in bucket order (helmet, arms, chest, legs, class item). */
export const ARMOR_PIECE_NAMES = {
  0: ["Helm", "Gauntlets", "Plate", "Greaves", "Mark"],
  1: ["Mask", "Grips", "Vest", "Strides", "Cloak"],
  2: ["Hood", "Gloves", "Robes", "Boots", "Bond"],
} as const;

export const LEGENDARY_ARMOR_SETS: readonly string[] = [
  "Iron Forerunner",
  "Deep Explorer",
  "Legacy's Oath",
  "Phenotype Plasticity",
  "Sublime",
  "Wild Hunt",
  "Tusked Allegiance",
];
export const RARE_ARMOR_SETS: readonly string[] = ["Trace Evidence"];
export const COMMON_ARMOR_SETS: readonly string[] = ["Rustpunk"];

/** classType, armour slot index (0 helmet .. 4 class item), name, intrinsic perk */
export type ExoticArmorRow = readonly [0 | 1 | 2, 0 | 1 | 2 | 3 | 4, string, string];
export const EXOTIC_ARMOR: readonly ExoticArmorRow[] = [
  [0, 2, "Heart of Inmost Light", "Overflowing Light"],
  [0, 1, "Synthoceps", "Biceps of Steel"],
  [0, 0, "Loreley Splendor Helm", "Sunspot Healing"],
  [0, 2, "Cuirass of the Falling Star", "Hall of Stars"],
  [0, 3, "Lion Rampant", "Leaping Lion"],
  [0, 0, "An Insurmountable Skullfort", "Arc Chain"],
  [0, 4, "Stoicism", "Spirit of the Titan"],
  [1, 0, "Celestial Nighthawk", "Hawkeye Hack"],
  [1, 3, "Orpheus Rig", "Shadow Harvester"],
  [1, 1, "Liar's Handshake", "Cross Counter"],
  [1, 2, "Gyrfalcon's Hauberk", "Vanishing Strike"],
  [1, 0, "Wormhusk Crown", "Burning Souls"],
  [1, 3, "Star-Eater Scales", "Feast of Light"],
  [1, 4, "Relativism", "Spirit of the Hunter"],
  [2, 2, "Phoenix Protocol", "Battle-Hymn"],
  [2, 1, "Sunbracers", "Helium Spirals"],
  [2, 2, "Starfire Protocol", "Fusion Fission"],
  [2, 3, "Geomag Stabilizers", "Capacitor Charge"],
  [2, 3, "Transversive Steps", "Strident Strut"],
  [2, 0, "Crown of Tempests", "Arc Conductor Crown"],
  [2, 1, "Ophidian Aspect", "Cobra Totem"],
  [2, 4, "Solipsism", "Spirit of the Warlock"],
];

/** name, rarity */
export const GHOSTS: readonly (readonly [string, 4 | 5 | 6])[] = [
  ["Lustrous Shell", 6],
  ["Harpy's Crypsis Shell", 5],
  ["Predator Sun Shell", 5],
  ["Sunshot Shell", 5],
  ["Fields of Glory Shell", 5],
  ["Ambitious Shell", 5],
  ["Generalist Shell", 4],
  ["Dawning Shell", 5],
];
export const SHIPS: readonly (readonly [string, 4 | 5 | 6])[] = [
  ["The Platinum Starling", 6],
  ["Aurora Nexus", 5],
  ["Cardinal One", 5],
  ["Shadow Trespass", 5],
  ["Bright Lance", 5],
  ["Lyran Arch", 5],
  ["Distant Shore", 4],
  ["Vanguard Interceptor", 5],
];
export const SPARROWS: readonly (readonly [string, 4 | 5 | 6])[] = [
  ["Always on Time", 6],
  ["Blood Runner", 5],
  ["Sable Speeder", 5],
  ["Vanishing Point", 5],
  ["Crimson Crusader", 5],
  ["Ember Wing", 5],
  ["Sol Trail", 4],
  ["Eos Rapture", 6],
];
export const EMBLEMS: readonly (readonly [string, 4 | 5 | 6])[] = [
  ["Hall of Heroes", 5],
  ["Seventh Column", 5],
  ["Pariah", 5],
  ["Unyielding Grace", 5],
  ["Cerulean Flash", 5],
  ["Eyes Up, Guardian", 5],
  ["Tower Watch", 4],
  ["Flawless Empyrean", 6],
  ["Reaper of Dusk", 5],
  ["Last City Skyline", 5],
  ["Vanguard Ascendant", 5],
  ["Mindbreaker", 6],
];

/** Subclasses: class, element, name. */
export const SUBCLASSES: readonly (readonly [0 | 1 | 2, Element, string])[] = [
  [0, "Arc", "Striker"],
  [0, "Solar", "Sunbreaker"],
  [0, "Void", "Sentinel"],
  [0, "Stasis", "Behemoth"],
  [0, "Strand", "Berserker"],
  [1, "Arc", "Arcstrider"],
  [1, "Solar", "Gunslinger"],
  [1, "Void", "Nightstalker"],
  [1, "Stasis", "Revenant"],
  [1, "Strand", "Threadrunner"],
  [2, "Arc", "Stormcaller"],
  [2, "Solar", "Dawnblade"],
  [2, "Void", "Voidwalker"],
  [2, "Stasis", "Shadebinder"],
  [2, "Strand", "Broodweaver"],
];

/** Stackable consumables and materials: name, max stack, rarity. */
export const CONSUMABLES: readonly (readonly [string, number, 3 | 4 | 5 | 6])[] = [
  ["Ascendant Alloy", 50, 6],
  ["Spoils of Conquest", 9999, 5],
  ["Glimmer Booster", 99, 4],
  ["Vanguard Strike Telemetry", 99, 4],
  ["Dusklight Shard", 9999, 3],
  ["Phaseglass Needle", 9999, 3],
  ["Herealways Piece", 9999, 3],
  ["Raid Banner", 10, 5],
  ["Exotic Cipher", 5, 6],
  ["Treasure Key", 25, 5],
];

/** Armour and weapon mods (stackable plugs in the Modifications bucket): name, description. */
export const MODS: readonly (readonly [string, string])[] = [
  ["Recuperation", "Picking up an Orb of Power grants health."],
  ["Better Already", "Picking up an Orb of Power starts health regeneration."],
  ["Hands-On", "Powered melee final blows grant super energy."],
  ["Ashes to Assets", "Grenade final blows grant super energy."],
  ["Harmonic Siphon", "Rapid final blows create Orbs of Power."],
  ["Font of Might", "Picking up a matching Elemental Well grants weapon damage."],
  ["Impact Induction", "Powered melee damage grants grenade energy."],
  ["Bomber", "Using your class ability grants grenade energy."],
  ["Firepower", "Grenade final blows create an Orb of Power."],
  ["Heavy Handed", "Powered melee final blows create an Orb of Power."],
  ["Kinetic Holster", "Reloads stowed Kinetic weapons."],
  ["Arc Loader", "Faster reload for Arc weapons."],
  ["Solar Targeting", "Improved target acquisition for Solar weapons."],
  ["Void Dexterity", "Faster ready and stow for Void weapons."],
  ["Major Spec", "Increased damage against powerful enemies."],
  ["Minor Spec", "Increased damage against weak enemies."],
];

export const WEAPON_TRAITS: readonly string[] = [
  "Rampage",
  "Kill Clip",
  "Outlaw",
  "Demolitionist",
  "Feeding Frenzy",
  "Vorpal Weapon",
  "Headstone",
  "Frenzy",
  "Incandescent",
  "Voltshot",
  "Repulsor Brace",
  "Destabilizing Rounds",
  "Adrenaline Junkie",
  "Golden Tricorn",
  "Explosive Payload",
  "Firmly Planted",
  "Snapshot Sights",
  "Dragonfly",
  "Multikill Clip",
  "One for All",
  "Bait and Switch",
  "Subsistence",
  "Zen Moment",
  "Rapid Hit",
  "Moving Target",
  "Perpetual Motion",
  "Threat Detector",
  "Eye of the Storm",
  "Surrounded",
  "Auto-Loading Holster",
  "Killing Wind",
  "Box Breathing",
  "Triple Tap",
  "Fourth Time's the Charm",
  "Envious Assassin",
  "Trench Barrel",
  "Tap the Trigger",
  "Encore",
  "Reconstruction",
  "Kinetic Tremors",
];
export const BARRELS: readonly string[] = [
  "Arrowhead Brake",
  "Smallbore",
  "Hammer-Forged Rifling",
  "Corkscrew Rifling",
  "Fluted Barrel",
  "Full Bore",
  "Chambered Compensator",
  "Extended Barrel",
];
export const MAGAZINES: readonly string[] = [
  "Accurized Rounds",
  "Flared Magwell",
  "Tactical Mag",
  "Appended Mag",
  "Ricochet Rounds",
  "High-Caliber Rounds",
  "Extended Mag",
  "Steady Rounds",
];
export const FRAMES: readonly string[] = [
  "Adaptive Frame",
  "Aggressive Frame",
  "Precision Frame",
  "Rapid-Fire Frame",
  "Lightweight Frame",
  "High-Impact Frame",
];
