/** A placeholder block shown while data loads; hidden from assistive tech (the page says "Loading"). */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`bg-panel-2 animate-pulse rounded-md ${className}`} />;
}
