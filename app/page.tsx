import Link from "next/link";

export default function LandingPage() {
  return (
    <div className="grid gap-10 py-6 sm:py-12">
      <section className="grid gap-5">
        <p className="text-accent text-sm font-semibold tracking-[0.2em] uppercase">
          Destiny 2 companion
        </p>
        <h1 className="max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">
          Your guardians, gear and vault, one tap away.
        </h1>
        <p className="text-muted max-w-2xl text-lg">
          Warmind reads your Bungie.net account to show your characters, inventory, postmaster and
          vault, moves and equips gear live in game, lists your clan and tells you what vendors sell
          after each reset.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/signin"
            className="bg-accent text-accent-ink rounded-md px-5 py-3 font-semibold hover:brightness-110"
          >
            Sign in with Bungie
          </Link>
        </div>
      </section>
      <section aria-labelledby="features" className="grid gap-4">
        <h2 id="features" className="sr-only">
          Features
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {FEATURES.map((f) => (
            <li key={f.title} className="border-line bg-panel rounded-lg border p-5">
              <h3 className="font-semibold">{f.title}</h3>
              <p className="text-muted mt-1 text-sm">{f.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

const FEATURES = [
  {
    title: "Account",
    body: "Bungie name, platforms and cross-save, characters, currencies and clan.",
  },
  {
    title: "Inventory and vault",
    body: "Equipped gear, every bucket, the postmaster and the vault.",
  },
  {
    title: "Move and equip",
    body: "Transfer between characters and the vault, equip live in game.",
  },
  { title: "Clan roster", body: "Every member, who is online, their characters and light." },
  { title: "Vendors", body: "What Xûr, Banshee-44, Ada-1 and the rest sell this reset." },
  {
    title: "Reset digest",
    body: "An email after each reset with the vendor stock you care about.",
  },
];
