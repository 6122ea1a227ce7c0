import { describe, expect, it } from "vitest";
import { networkOf } from "@/sandbox/copies/network";

const from = (forwardedFor?: string) =>
  networkOf(
    new Request("http://sandbox.test/en/OAuth/Authorize", {
      headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
    }),
  );

describe("the network a demo visitor comes from", () => {
  it("is the last X-Forwarded-For address: the one the host in front of the app saw", () => {
    expect(from("203.0.113.7")).toBe("203.0.113.7");
    expect(from("10.9.9.9, 1.2.3.4 , 203.0.113.7")).toBe("203.0.113.7");
    expect(from("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(from("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts IPv6 by its /64, however it is written", () => {
    expect(from("2001:db8:1:2::10")).toBe("2001:db8:1:2::/64");
    expect(from("2001:DB8:1:2:abcd:0:0:99")).toBe("2001:db8:1:2::/64");
    expect(from("[2001:db8:0001:0002::1]:443")).toBe("2001:db8:1:2::/64");
    expect(from("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(from("fe80::1")).toBe("fe80:0:0:0::/64");
  });

  it("is none for the loopback, a missing header or something that is not an address", () => {
    expect(from()).toBeUndefined();
    expect(from("")).toBeUndefined();
    expect(from("127.0.0.1")).toBeUndefined();
    expect(from("::1")).toBeUndefined();
    expect(from("::ffff:127.0.0.1")).toBeUndefined();
    expect(from("unknown")).toBeUndefined();
    expect(from("203.0.113.7, not-an-ip")).toBeUndefined();
  });
});
