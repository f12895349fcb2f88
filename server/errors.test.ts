import { describe, expect, it } from "vitest";
import { Prisma } from "@/server/generated/prisma/client";
import { httpStatusOf, toAppError } from "./errors";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("toAppError", () => {
  it("answers 503 with a retry hint when Postgres or Redis is away, however the driver words it", () => {
    const failures = [
      withCode("connect ECONNREFUSED 127.0.0.1:5433", "ECONNREFUSED"),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      new Error("Connection is closed."),
      new Error("Reached the max retries per request limit (which is 1). Refer to \"maxRetriesPerRequest\" option for details."),
      new Prisma.PrismaClientKnownRequestError("the database system is starting up", {
        code: "P2010",
        clientVersion: "7",
        meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P03" } } },
      }),
      new Prisma.PrismaClientKnownRequestError("terminating connection due to administrator command", {
        code: "P2010",
        clientVersion: "7",
        meta: { code: "57P01" },
      }),
      new Error("query failed", { cause: Object.assign(new Error("driver"), { meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } }) }),
    ];
    for (const failure of failures) {
      const appError = toAppError(failure);
      expect(appError.code, failure.message).toBe("UNAVAILABLE");
      expect(httpStatusOf(appError.code)).toBe(503);
      expect(appError.details).toEqual({ retryAfterSeconds: 5 });
    }
  });

  it("keeps other failures INTERNAL, without detail", () => {
    const uniqueViolation = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "7", meta: { code: "23505" } });
    for (const failure of [new Error("boom"), new TypeError("x is undefined"), uniqueViolation, "a string"]) {
      expect(toAppError(failure)).toMatchObject({ code: "INTERNAL", message: "Something went wrong on our side.", details: undefined });
    }
  });
});
