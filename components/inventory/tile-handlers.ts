import type { ItemView } from "@/lib/guardian/view-types";

/** How every tile on the page behaves: open the sheet, or toggle selection in "select" mode. */
export type TileHandlers = {
  props: (item: ItemView) => {
    onOpen: (item: ItemView) => void;
    selected: boolean;
    selecting: boolean;
  };
};
