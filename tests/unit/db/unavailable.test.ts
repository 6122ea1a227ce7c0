import { describe, expect, it } from "vitest";
import {
  DATABASE_UNAVAILABLE_DIGEST,
  DatabaseUnavailableError,
  isConnectionFailure,
  isDatabaseUnavailable,
} from "@/lib/db/unavailable";

// The shapes below are what node-postgres, Prisma's pg adapter and Prisma itself produced when
// tests/support/fault-proxy.ts refused, cut, reset or black-holed connections.
const prismaError = (code: string, message = "Invalid invocation") =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code });

describe("telling a database outage apart", () => {
  it.each([
    ["pg: connection cut", new Error("Connection terminated unexpectedly")],
    [
      "pg: black hole",
      new Error("Connection terminated due to connection timeout", {
        cause: new Error("Connection terminated unexpectedly"),
      }),
    ],
    ["pg pool: connect timeout", new Error("timeout exceeded when trying to connect")],
    ["socket refused", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
    ["socket reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["admin shutdown", Object.assign(new Error("terminating connection"), { code: "57P01" })],
    [
      "cannot connect now",
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
    ],
    ["connection exception", Object.assign(new Error("connection failure"), { code: "08006" })],
    [
      "too many connections",
      Object.assign(new Error("sorry, too many clients"), { code: "53300" }),
    ],
    ["Prisma P1001", prismaError("P1001")],
    ["Prisma P1017", prismaError("P1017")],
    ["Prisma P2024", prismaError("P2024")],
    [
      "Prisma raw query",
      prismaError(
        "P2010",
        "Raw query failed. Message: `Can't reach database server at 127.0.0.1:5432`",
      ),
    ],
    [
      "adapter error",
      Object.assign(new Error("DatabaseNotReachable"), {
        name: "DriverAdapterError",
        cause: { kind: "DatabaseNotReachable" },
      }),
    ],
  ])("%s is an outage", (_name, error) => {
    expect(isConnectionFailure(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["unique violation", prismaError("P2002", "Unique constraint failed")],
    ["missing table", prismaError("P2021")],
    ["syntax error", Object.assign(new Error("syntax error at or near"), { code: "42601" })],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
    ["a string", "Connection"],
  ])("%s is not", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("brands its own error, with the digest error boundaries recognise", () => {
    const error = new DatabaseUnavailableError(
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(error.digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(error.message).toContain("ECONNREFUSED");
    // Recognised by its brand, not by instanceof (Next.js may hold two copies of the class).
    const copy = Object.assign(Object.create(Error.prototype), error);
    for (const symbol of Object.getOwnPropertySymbols(error)) {
      copy[symbol] = (error as unknown as Record<symbol, unknown>)[symbol];
    }
    expect(copy instanceof DatabaseUnavailableError).toBe(false);
    expect(isDatabaseUnavailable(copy)).toBe(true);
  });
});
