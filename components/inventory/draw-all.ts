"use client";

import { createContext, useContext } from "react";

/**
 * True once the player moves through the page with the keyboard: tiles drawn only when they
 * scroll into view (lazy-tiles.tsx) would otherwise be skipped by Tab, so from the first Tab
 * every tile is drawn.
 */
export const DrawAllContext = createContext(false);

export const useDrawAll = () => useContext(DrawAllContext);
