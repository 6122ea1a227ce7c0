import Link from "next/link";
import type { CharacterChoice } from "@/lib/vendors/load-vendors-page";

/** Vendors sell per character (class armour): one link per character, the shown one marked. */
export function CharacterSwitch({
  characters,
  activeId,
}: {
  characters: CharacterChoice[];
  activeId: string;
}) {
  if (characters.length < 2) return null;
  return (
    <nav aria-label="Character" className="flex flex-wrap gap-2">
      {characters.map((c) => {
        const active = c.characterId === activeId;
        return (
          <Link
            key={c.characterId}
            href={`/vendors?character=${c.characterId}`}
            aria-current={active ? "page" : undefined}
            className="border-line bg-panel hover:bg-panel-2 aria-[current=page]:border-accent flex items-center gap-2 rounded-md border px-3 py-2 text-sm"
          >
            {c.emblemUrl ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={c.emblemUrl} alt="" width={24} height={24} className="size-6 rounded-sm" />
            ) : null}
            <span className="font-semibold">{c.className}</span>
            <span className="text-muted">{c.light}</span>
          </Link>
        );
      })}
    </nav>
  );
}
