// Edge of Fate's gear tier (1-5) of a weapon or armour piece, compactly: a small "T5" pip that
// names itself "Tier 5" to screen readers and on hover. Nothing for gear without a tier (older
// gear, and everything that is not a weapon or armour). Not the item's rarity (rarity-styles.ts).

export function gearTierLabel(tier: number): string {
  return `Tier ${tier}`;
}

export function GearTierPip({
  tier,
  className = "",
}: {
  tier: number | null | undefined;
  className?: string;
}) {
  if (!tier) return null;
  const label = gearTierLabel(tier);
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid="gear-tier"
      data-gear-tier={tier}
      className={`bg-ink/85 text-text border-line inline-grid place-items-center rounded-sm border px-0.5 text-[10px] leading-3 font-bold tracking-tight tabular-nums ${className}`}
    >
      T{tier}
    </span>
  );
}
