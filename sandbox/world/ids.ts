// Bungie-shaped 64-bit identifiers, as strings. Destiny memberships look like
// 4611686018xxxxxxxxx, characters 2305843009xxxxxxxxx, Bungie.net users are shorter.
import type { Prng } from "./prng";

export class IdFactory {
  /** `used` may be shared, so ids made later (load players) never collide with the world's. */
  constructor(
    private readonly prng: Prng,
    private readonly used = new Set<string>(),
  ) {}

  private unique(make: () => string): string {
    let id = make();
    while (this.used.has(id)) id = make();
    this.used.add(id);
    return id;
  }

  destinyMembership(): string {
    return this.unique(() => `4611686018${this.prng.int(400_000_000, 599_999_999)}`);
  }
  character(): string {
    return this.unique(() => `2305843009${this.prng.int(200_000_000, 799_999_999)}`);
  }
  bungieNet(): string {
    return this.unique(() => String(this.prng.int(10_000_000, 39_999_999)));
  }
  group(): string {
    return this.unique(() => String(this.prng.int(3_000_000, 5_999_999)));
  }
}
