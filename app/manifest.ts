import type { MetadataRoute } from "next";

// The web app manifest (served at /manifest.webmanifest): installable on phones and desktops,
// opening straight onto the inventory in its own window.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Warmind: Destiny 2 companion",
    short_name: "Warmind",
    description: "Your Destiny 2 guardians, gear, vault, clan and vendors, on desktop and phone.",
    start_url: "/inventory",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#0b0d12",
    theme_color: "#0b0d12",
    categories: ["games", "utilities"],
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: "Inventory", url: "/inventory" },
      { name: "Account", url: "/account" },
    ],
  };
}
