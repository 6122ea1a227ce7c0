/**
 * How every tile on the page looks beyond its item: in "select" mode a tile shows whether it is
 * in the set. What a tap does is decided once, at the inventory's root (inventory-screen.tsx).
 */
export type TileHandlers = {
  selecting: boolean;
  selectedKeys: ReadonlySet<string>;
};

/** The props a tile in a list gets. */
export function tileProps(item: { key: string }, tiles: TileHandlers) {
  return {
    interactive: true,
    selecting: tiles.selecting,
    selected: tiles.selecting && tiles.selectedKeys.has(item.key),
  };
}
