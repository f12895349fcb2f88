import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { startChatStack, type ChatStack } from "@/server/chat/chat-test-kit";
import { closeEverything } from "@/server/realtime/gateway/gateway-test-kit";
import { callProcedure, callRoute, listApiRoutes, listProcedures, type Answer, type Person } from "./authorization-kit";
import { PROCEDURE_RULES, ROUTE_RULES, type Kit, type Rule } from "./authorization-rules";

/**
 * Every tRPC procedure and every `app/api` route handler, found by walking the
 * router and the folder, called through the real route handlers with real
 * sessions: each one that needs a user refuses a signed-out caller, each one
 * that acts on someone's resource refuses user B and serves its owner A.
 * One without a rule in authorization-rules/ fails the suite by name.
 */

// The chat operations publish to a gateway, and env.ts reads PUSHER_* once: start it before anything loads.
const chat: ChatStack = await startChatStack({ RATE_LIMIT_UPLOAD_POINTS: "1000" });
const { appRouter } = await import("./root");
const procedures = listProcedures(appRouter);
const routes = await listApiRoutes(path.resolve(import.meta.dirname, "../.."));

let kit: Kit;

beforeAll(async () => {
  const [a, b, c, admin] = await Promise.all([signUpWithCookie("A"), signUpWithCookie("B"), signUpWithCookie("C"), signUpWithCookie("Admin")]);
  await chat.db.user.update({ where: { id: admin.id }, data: { role: "admin" } });
  kit = {
    a,
    b,
    c,
    admin,
    db: chat.db,
    storage: chat.storage,
    make: async <T,>(procedurePath: string, input: unknown, who: Person) => {
      const procedure = procedures.find((candidate) => candidate.path === procedurePath);
      if (!procedure) throw new Error(`no procedure ${procedurePath}`);
      const answer = await callProcedure(procedure, input, who);
      if (answer.status >= 300) throw new Error(`${procedurePath} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body as T;
    },
  };
});

afterAll(async () => {
  await closeEverything();
  await chat.db.$disconnect();
});

describe("every procedure and route has an access rule", () => {
  it("classifies every tRPC procedure, and every rule names one", () => {
    const found = procedures.map((procedure) => procedure.path);
    expect(found.filter((name) => !(name in PROCEDURE_RULES)), "procedures without a rule in server/trpc/authorization-rules/").toEqual([]);
    expect(Object.keys(PROCEDURE_RULES).filter((name) => !found.includes(name)), "rules for procedures that no longer exist").toEqual([]);
  });

  it("classifies every app/api route handler, and every rule names one", () => {
    const found = routes.map((route) => route.name);
    expect(found.filter((name) => !(name in ROUTE_RULES)), "route handlers without a rule in server/trpc/authorization-rules/").toEqual([]);
    expect(Object.keys(ROUTE_RULES).filter((name) => !found.includes(name)), "rules for route handlers that no longer exist").toEqual([]);
  });
});

describe("tRPC procedures", () => {
  for (const procedure of procedures) {
    const rule = PROCEDURE_RULES[procedure.path];
    if (!rule || rule.access === "public") continue;
    it(`${procedure.path} (${rule.access})`, () => checkRule(rule, (input, who) => callProcedure(procedure, input, who)));
  }
});

describe("app/api route handlers", () => {
  for (const route of routes) {
    const rule = ROUTE_RULES[route.name];
    if (!rule || rule.access === "public") continue;
    it(`${route.name} (${rule.access})`, () =>
      // A rule without a request calls the route at its own path (a route without dynamic segments).
      checkRule(rule, (request, who) => callRoute(route, request ?? { path: route.pattern }, who)),
    );
  }
});

type Call<R> = (request: R | undefined, who: Person | null) => Promise<Answer>;

async function checkRule<R>(rule: Rule<R>, call: Call<R>) {
  switch (rule.access) {
    case "public":
      return;
    case "user": {
      const request = await rule.request?.(kit);
      expectStatus(await call(request, null), [rule.signedOut ?? 401], "signed out");
      expectNotRefused(await call(request, kit.a), "signed in");
      return;
    }
    case "admin": {
      const request = await rule.request?.(kit);
      expectStatus(await call(request, null), [rule.signedOut ?? 401], "signed out");
      expectStatus(await call(request, kit.a), [403], "an ordinary user");
      expectNotRefused(await call(request, kit.admin), "an admin");
      return;
    }
    case "owner": {
      const request = await rule.request(kit);
      expectStatus(await call(request, null), [rule.signedOut ?? 401], "signed out");
      expectStatus(await call(request, kit.b), [403, 404], "user B, with A's resource");
      // The owner gets through: the refusals above were about who asked, not a broken request.
      expectOk(await call(request, kit.a), "A, its owner");
      return;
    }
    case "own-data-only": {
      const { request, untouched } = await rule.setup(kit);
      expectStatus(await call(request, null), [401], "signed out");
      const asB = await call(request, kit.b);
      expectOk(asB, "user B, with A's ids");
      expect(await untouched(asB), `user B's call read or changed A's data: ${JSON.stringify(asB.body)}`).toBe(true);
      // The same call by A does act, so the check above can tell.
      const asA = await call(request, kit.a);
      expectOk(asA, "A, the owner");
      expect(await untouched(asA), `A's own call showed no effect: ${JSON.stringify(asA.body)}`).toBe(false);
    }
  }
}

function expectStatus(answer: Answer, statuses: number[], who: string) {
  expect(statuses, `${who}: answered ${answer.status} ${JSON.stringify(answer.body)}`).toContain(answer.status);
}

function expectNotRefused(answer: Answer, who: string) {
  expect([401, 403], `${who}: refused with ${answer.status} ${JSON.stringify(answer.body)}`).not.toContain(answer.status);
}

function expectOk(answer: Answer, who: string) {
  expect(answer.status, `${who}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  expect(answer.status).toBeGreaterThanOrEqual(200);
}
