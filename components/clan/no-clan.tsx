/** The clan page of a player who is in no clan. */
export function NoClan() {
  return (
    <section className="border-line bg-panel mx-auto grid max-w-lg gap-3 rounded-lg border p-6">
      <h1 className="text-2xl font-bold">You are not in a clan</h1>
      <p className="text-muted">
        Your Destiny account does not belong to a clan yet. Join one in Destiny 2 (Director, then
        Clan) or on Bungie.net, and its roster shows up here: who is online, their guardians and
        their light.
      </p>
      <p>
        <a
          href="https://www.bungie.net/en/ClanV2/Search"
          className="text-accent underline underline-offset-4"
          rel="noreferrer"
        >
          Find a clan on Bungie.net
        </a>
      </p>
    </section>
  );
}
