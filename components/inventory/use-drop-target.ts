"use client";

import { useState, type DragEvent } from "react";
import { DRAG_TYPE } from "./item-tile";

/**
 * Makes an element a drop target for dragged item tiles (wide screens): it accepts only our
 * items, shows a move cursor, says whether an item is over it, and hands the dropped item's key
 * and `target` (a character id, or "vault") to `onDropItem`.
 */
export function useDropTarget(target: string, onDropItem: (itemKey: string, to: string) => void) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver(event: DragEvent) {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      setOver(true);
    },
    onDragLeave() {
      setOver(false);
    },
    onDrop(event: DragEvent) {
      setOver(false);
      const key = event.dataTransfer.getData(DRAG_TYPE);
      if (!key) return;
      event.preventDefault();
      onDropItem(key, target);
    },
  };
  return { over, handlers };
}
