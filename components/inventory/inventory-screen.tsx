"use client";

import {
  startTransition,
  useActionState,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useOptimistic,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent,
} from "react";
import { chooseCharacter, inventoryAction } from "@/app/inventory/actions";
import { ToastProvider, useToast } from "@/components/ui/toast";
import { IDLE_RESULT, type ItemActionResult } from "@/lib/guardian/action-result";
import type { ChooseCharacterState } from "@/lib/guardian/choose-character";
import { predictAction } from "@/lib/guardian/predict-action";
import type { PageInventoryView, TileItemView } from "@/lib/guardian/view-types";
import { AccountInventory } from "./account-inventory";
import { CharacterBuckets } from "./character-buckets";
import { CharacterSwitcher } from "./character-switcher";
import { DrawAllContext } from "./draw-all";
import { InventoryToolbar } from "./inventory-toolbar";
import { ItemSheet, type ItemSheetHandle } from "./item-sheet";
import { DRAG_TYPE } from "./item-tile";
import { PostmasterSection } from "./postmaster-section";
import { SearchResults } from "./search-results";
import { SetBar } from "./set-bar";
import type { TileHandlers } from "./tile-handlers";
import { useInventoryData } from "./use-inventory-data";
import { VaultSection } from "./vault-section";

/** After a move succeeds, the real profile is read back once things settle. */
const REVALIDATE_AFTER_MS = 1_500;

export function InventoryScreen({
  initialView,
  vaultCount,
}: {
  initialView: PageInventoryView;
  /** The vault's size while only the chosen character's items are there (the first paint). */
  vaultCount: number;
}) {
  return (
    <ToastProvider>
      <Inventory initialView={initialView} initialVaultCount={vaultCount} />
    </ToastProvider>
  );
}

function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

function Inventory({
  initialView,
  initialVaultCount,
}: {
  initialView: PageInventoryView;
  initialVaultCount: number;
}) {
  const { view, partial, mutate, refresh, refreshing, error } = useInventoryData(initialView);
  const toast = useToast();
  const [selectedId, setSelectedId] = useState(initialView.selectedCharacterId);
  const [shownSelectedId, setShownSelectedId] = useOptimistic(selectedId);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const [selecting, setSelecting] = useState(false);
  const [setKeys, setSetKeys] = useState<string[]>([]);
  // From the first Tab, every tile is drawn, so the keyboard reaches tiles not yet scrolled to.
  const [keyboard, setKeyboard] = useState(false);
  useEffect(() => {
    if (keyboard) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Tab") startTransition(() => setKeyboard(true));
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [keyboard]);

  // The action below runs after renders; it reads the latest values through refs.
  const latest = useRef({ view, selectedId: shownSelectedId, partial });
  useEffect(() => {
    latest.current = { view, selectedId: shownSelectedId, partial };
  }, [view, shownSelectedId, partial]);
  const revalidateTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(revalidateTimer.current), []);

  const [result, dispatch, acting] = useActionState(
    async (previous: ItemActionResult, formData: FormData): Promise<ItemActionResult> => {
      const { view: before, selectedId: actor, partial: firstPart } = latest.current;
      // Show the move at once, as the planner expects the game to do it (once the whole
      // inventory is there: the planner needs the vault; before, the read-back shows it).
      const predicted = firstPart
        ? null
        : predictAction({ ...before, selectedCharacterId: actor }, formData);
      if (predicted) {
        const shown = { ...predicted, selectedCharacterId: before.selectedCharacterId };
        latest.current = { ...latest.current, view: shown };
        await mutate(shown, { revalidate: false });
      }
      let outcome: ItemActionResult;
      try {
        outcome = await inventoryAction(previous, formData);
      } catch {
        outcome = {
          ...IDLE_RESULT,
          status: "error",
          message: "Warmind's server didn't answer. Refresh to see where your items are.",
        };
      }
      if (outcome.status === "error") {
        // Roll back: to Bungie's own account of things when the server re-read it.
        const restored = outcome.view ?? before;
        latest.current = { ...latest.current, view: restored };
        await mutate(restored, { revalidate: false });
        toast.show({
          tone: "error",
          title: outcome.message,
          details: outcome.placements.map((p) => `${p.name} is ${p.where}.`),
        });
      } else {
        toast.show({ tone: "ok", title: outcome.message, details: outcome.notices });
        window.clearTimeout(revalidateTimer.current);
        revalidateTimer.current = window.setTimeout(() => void mutate(), REVALIDATE_AFTER_MS);
      }
      return outcome;
    },
    IDLE_RESULT,
  );

  const [, choose, choosing] = useActionState(
    async (previous: ChooseCharacterState, formData: FormData): Promise<ChooseCharacterState> => {
      const wanted = String(formData.get("characterId") ?? "");
      setShownSelectedId(wanted);
      const outcome = await chooseCharacter(previous, formData);
      if (outcome.status === "ok" && outcome.characterId) {
        setSelectedId(outcome.characterId);
        const chosen = latest.current.view.characters.find((c) => c.characterId === wanted);
        toast.show({ tone: "info", title: `Showing your ${chosen?.name ?? "character"}.` }, 2500);
      } else {
        toast.show({
          tone: "error",
          title: outcome.message ?? "That character couldn't be chosen.",
        });
      }
      return outcome;
    },
    { status: "idle" },
  );

  const run = useCallback(
    (fields: Record<string, string>) => startTransition(() => dispatch(formOf(fields))),
    [dispatch],
  );
  const onDropItem = useCallback(
    (itemKey: string, to: string) => run({ intent: "move", itemKey, to }),
    [run],
  );

  const toggleInSet = (item: TileItemView) => {
    if (!item.equippable) {
      toast.show({ tone: "info", title: `${item.name} can't be equipped.` });
      return;
    }
    setSetKeys((keys) => {
      if (keys.includes(item.key)) return keys.filter((k) => k !== item.key);
      // One item per slot: picking another for the same slot replaces it.
      const sameSlot = view.items.filter((i) => i.bucketHash === item.bucketHash).map((i) => i.key);
      return [...keys.filter((k) => !sameSlot.includes(k)), item.key];
    });
  };
  const selectedKeys = useMemo(() => new Set(setKeys), [setKeys]);
  // Stable while nothing about selection changes, so the (memoised) sections and tiles skip
  // re-rendering when the sheet opens or a toast shows.
  const tiles = useMemo<TileHandlers>(
    () => ({ selecting, selectedKeys }),
    [selecting, selectedKeys],
  );
  const sheet = useRef<ItemSheetHandle>(null);
  const itemsByKey = useMemo(() => new Map(view.items.map((i) => [i.key, i])), [view.items]);

  // One handler for every tile on the page (up to a thousand): a tap opens the item's sheet, or
  // toggles it in the set in "select" mode; a drag carries its key to a drop target.
  const tileAt = (target: EventTarget): HTMLElement | null =>
    target instanceof Element ? target.closest<HTMLElement>('[data-testid="item-tile"]') : null;
  const onTileClick = (event: MouseEvent<HTMLDivElement>) => {
    const item = itemsByKey.get(tileAt(event.target)?.dataset.itemKey ?? "");
    if (!item) return;
    if (selecting) toggleInSet(item);
    else sheet.current?.open(item.key);
  };
  const onTileDragStart = (event: DragEvent<HTMLDivElement>) => {
    const tile = tileAt(event.target);
    const key = tile?.dataset.itemKey;
    if (!tile || !key) return;
    event.dataTransfer.setData(DRAG_TYPE, key);
    event.dataTransfer.setData("text/plain", tile.title);
    event.dataTransfer.effectAllowed = "move";
  };

  const character =
    view.characters.find((c) => c.characterId === shownSelectedId) ?? view.characters[0];
  // The lists (up to a thousand tiles) follow the view a frame behind, in an interruptible
  // render: a tap that changes the view (an equip's predicted move, a read-back) paints its own
  // answer first (the sheet closing, the status), then the tiles move (issue 17: a tap answers
  // within 200 ms on a phone). SWR's updates are synchronous; this is what lets them wait.
  const listed = useDeferredValue(view);
  const listedCharacter =
    listed.characters.find((c) => c.characterId === character?.characterId) ?? character;
  const vaultCount = useMemo(
    () => (partial ? initialVaultCount : view.items.filter((i) => i.location === "vault").length),
    [view.items, partial, initialVaultCount],
  );
  const onRefresh = async () => {
    const failure = await refresh();
    if (failure) toast.show({ tone: "error", title: failure.message });
    else toast.show({ tone: "info", title: "Inventory refreshed from Bungie.net." });
  };

  return (
    <DrawAllContext value={keyboard}>
      <div
        className={`grid gap-5 ${selecting ? "pb-24" : ""}`}
        aria-busy={acting}
        onClick={onTileClick}
        onDragStart={onTileDragStart}
      >
        <h1 className="sr-only">Inventory</h1>
        <CharacterSwitcher
          characters={view.characters}
          selectedId={character?.characterId ?? null}
          choose={choose}
          choosing={choosing}
          onDropItem={onDropItem}
          vaultCount={vaultCount}
          vaultCapacity={view.capacity.vault}
        />
        <InventoryToolbar
          query={query}
          onQuery={setQuery}
          onRefresh={() => void onRefresh()}
          refreshing={refreshing}
          loadedAt={view.loadedAt}
          selecting={selecting}
          onToggleSelecting={() => {
            setSelecting((s) => !s);
            setSetKeys([]);
          }}
        />
        <div aria-live="polite" data-testid="action-status" className="-mt-2 text-sm">
          {result.status !== "idle" ? (
            <div className={result.status === "error" ? "text-danger" : "text-ok"}>
              <p>{result.message}</p>
              {result.notices.length > 0 || result.placements.length > 0 ? (
                <ul className="text-muted mt-1 list-disc pl-5">
                  {result.notices.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                  {result.placements.map((p) => (
                    <li key={`${p.name}-${p.where}`}>
                      {p.name} is {p.where}.
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
        {error ? (
          <p role="alert" className="border-danger/50 bg-danger/10 rounded-md border p-3 text-sm">
            {error.message}{" "}
            {error.signedOut ? (
              <a href="/signin?callbackUrl=%2Finventory" className="underline">
                Sign in
              </a>
            ) : null}
          </p>
        ) : null}
        {deferredQuery.trim() && partial ? (
          <p role="status" className="text-muted text-sm">
            Loading your whole inventory to search it…
          </p>
        ) : deferredQuery.trim() ? (
          <SearchResults view={listed} query={deferredQuery} tiles={tiles} />
        ) : listedCharacter ? (
          <>
            <CharacterBuckets
              character={listedCharacter}
              items={listed.items}
              capacity={listed.capacity.bucket}
              tiles={tiles}
            />
            <PostmasterSection
              character={listedCharacter}
              items={listed.items}
              capacity={listed.capacity.postmaster}
              warningAt={listed.capacity.postmasterWarning}
              tiles={tiles}
            />
            <VaultSection
              items={listed.items}
              loadingCount={listed === initialView ? initialVaultCount : null}
              capacity={listed.capacity.vault}
              tiles={tiles}
              onDropItem={onDropItem}
              hidden={listed.privateComponents.includes("profileInventory")}
            />
            <AccountInventory items={listed.items} tiles={tiles} />
          </>
        ) : (
          <p className="text-muted">This Destiny account has no characters yet.</p>
        )}
        <ItemSheet
          ref={sheet}
          view={view}
          selectedId={character?.characterId ?? null}
          action={dispatch}
        />
        {selecting ? (
          <SetBar
            selected={setKeys}
            character={character}
            action={dispatch}
            onClear={() => setSetKeys([])}
          />
        ) : null}
      </div>
    </DrawAllContext>
  );
}
