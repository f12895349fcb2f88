import type { RouteRequest } from "../authorization-kit";
import * as chat from "./chat";
import * as feed from "./feed";
import * as links from "./links";
import * as platform from "./platform";
import type { Rule } from "./rule";
import * as rides from "./rides";
import * as shop from "./shop";
import * as videos from "./videos";

export type { Kit, Rule } from "./rule";

/**
 * Every system's rules in one table each for procedures and routes. A system
 * adds its own file here; each file names only its own procedures and routes,
 * so two files never claim the same one.
 */
const systems: Array<{ procedures: Record<string, Rule<unknown>>; routes?: Record<string, Rule<RouteRequest>> }> = [platform, links, chat, shop, feed, videos, rides];

export const PROCEDURE_RULES: Record<string, Rule<unknown>> = Object.assign({}, ...systems.map((system) => system.procedures));
export const ROUTE_RULES: Record<string, Rule<RouteRequest>> = Object.assign({}, ...systems.map((system) => system.routes ?? {}));
