import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import type { Answer, Person } from "../authorization-kit";

/**
 * Who may call what: one rule per tRPC procedure and per `app/api` route
 * handler. authorization.test.ts finds every procedure and handler itself and
 * fails on one without a rule in this folder (one file per system, composed in
 * index.ts), so adding one means saying who may call it.
 *
 * - public: anyone, signed in or not; `why` says what keeps it safe.
 * - user: needs a session: signed out → 401 (or `signedOut`), signed in → not refused.
 *   Without `request`, a procedure gets no input and a route is called at its own path.
 * - admin: signed out → 401, an ordinary user → 403, an admin → not refused.
 * - owner: acts on one person's resource, which `request` makes for A:
 *   signed out → 401 (or `signedOut`), B → 403 or 404, A → 2xx.
 * - own-data-only: takes ids but acts only on the caller's own rows (skips others'):
 *   B's call answers 2xx and `untouched` holds; A's call is seen to act (`untouched` fails).
 */
export type Rule<R> =
  | { access: "public"; why: string }
  | { access: "user" | "admin"; request?: (kit: Kit) => Promise<R> | R; signedOut?: number }
  | { access: "owner"; request: (kit: Kit) => Promise<R>; signedOut?: number }
  | { access: "own-data-only"; setup: (kit: Kit) => Promise<{ request: R; untouched: (answer: Answer) => Promise<boolean> | boolean }> };

/** The people and tools the rules make their fixtures with. A, B and C are ordinary users; B is the outsider. */
export type Kit = {
  a: Person;
  b: Person;
  c: Person;
  admin: Person;
  db: Db;
  storage: ObjectStore;
  /** Calls a procedure as `who` for a fixture; throws unless it answered 2xx. */
  make: <T>(path: string, input: unknown, who: Person) => Promise<T>;
};

export const STAFF = { access: "admin" } as const;
export const USER = { access: "user" } as const;

export const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { "content-type": "application/json" } });
