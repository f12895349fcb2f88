import { randomUUID } from "node:crypto";
import type { RouteRequest } from "../authorization-kit";
import { USER, type Kit, type Rule } from "./rule";

// Links: a link and its stats are its owner's.

async function linkOfA(kit: Kit): Promise<string> {
  return (await kit.make<{ code: string }>("links.create", { url: `https://example.com/${randomUUID()}` }, kit.a)).code;
}

const linkRule = (input: Record<string, unknown>): Rule<unknown> => ({ access: "owner", request: async (kit) => ({ code: await linkOfA(kit), ...input }) });

const linkRoute = (pathOf: (code: string) => string): Rule<RouteRequest> => ({ access: "owner", request: async (kit) => ({ path: pathOf(await linkOfA(kit)) }) });

export const procedures: Record<string, Rule<unknown>> = {
  "links.create": { access: "user", request: () => ({ url: "https://example.com/authz" }) },
  // Creates links owned by the caller only, like links.create.
  "links.bulkCreate": { access: "user", request: () => ({ rows: [{ url: "https://example.com/authz-bulk" }] }) },
  "links.list": USER,
  "links.update": linkRule({ title: "Renamed" }),
  "links.setDisabled": linkRule({ disabled: true }),
  "links.delete": linkRule({}),
  "links.stats": linkRule({}),
  "links.apiKeys.create": { access: "user", request: () => ({ name: "authz" }) },
  "links.apiKeys.list": USER,
  "links.apiKeys.revoke": {
    access: "owner",
    request: async (kit) => ({ id: (await kit.make<{ id: string }>("links.apiKeys.create", { name: "A's key" }, kit.a)).id }),
  },
};

export const routes: Record<string, Rule<RouteRequest>> = {
  "POST /api/shorten": { access: "public", why: "anonymous short links are allowed; a key or session makes the caller the owner" },
  "GET /api/stats/[code]": linkRoute((code) => `/api/stats/${code}`),
  "DELETE /api/urls/[code]": linkRoute((code) => `/api/urls/${code}`),
  "GET /api/links/[code]/clicks.csv": linkRoute((code) => `/api/links/${code}/clicks.csv`),
};
