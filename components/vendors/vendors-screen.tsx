import Link from "next/link";
import type { VendorsPageData } from "@/lib/vendors/load-vendors-page";
import { CharacterSwitch } from "./character-switch";
import { RefreshButton } from "./refresh-button";
import { VendorsBrowser } from "./vendors-browser";

export function VendorsScreen({ data }: { data: VendorsPageData }) {
  // grid-cols-1 is minmax(0, 1fr) here and in the cards: a long vendor or item name truncates
  // instead of widening the page on a phone.
  return (
    <div className="grid grid-cols-1 gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Vendors</h1>
          <p className="text-muted text-sm">What the game&rsquo;s vendors sell this reset.</p>
        </div>
        <Link
          href="/settings/digest"
          className="border-line hover:bg-panel-2 rounded-md border px-3 py-2 text-sm font-medium"
        >
          Email me after each reset
        </Link>
      </div>
      {data.status === "ok" ? (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <CharacterSwitch characters={data.characters} activeId={data.characterId} />
            <RefreshButton characterId={data.characterId} readAt={data.readAt} />
          </div>
          <VendorsBrowser
            view={data.view}
            loadedAt={data.loadedAt}
            characterId={data.characterId}
          />
        </>
      ) : (
        <p role="alert" className="border-line bg-panel text-muted rounded-lg border p-6">
          {data.status === "no-character"
            ? "This Destiny account has no character yet. Create one in the game to see its vendors."
            : data.message}
        </p>
      )}
    </div>
  );
}
