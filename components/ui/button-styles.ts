// Shared button looks. Accent on accent-ink and text on panel both pass WCAG AA (globals.css).
export const primaryButton =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:brightness-110 disabled:opacity-60";
export const secondaryButton =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md border border-line bg-panel-2 px-4 py-2 font-medium text-text hover:border-muted disabled:opacity-60";
export const quietButton =
  "inline-flex min-h-9 items-center justify-center gap-1.5 rounded-md border border-line px-3 py-1.5 text-sm font-medium text-text hover:bg-panel-2 disabled:opacity-60";
