import { decodePathSegment, methodsOf, type Route } from "./route";

export type RouteMatch = { route: Route; params: Record<string, string> };

type PatternRow = { route: Route; parts: readonly string[]; methods: ReadonlySet<string> };

/**
 * Finds the row for a request in one pass, cheap enough for the redirect:
 * literal paths by one Map lookup first, then a one-segment path against the
 * "/:name" rows (the short-link catch-all) without splitting it, then the
 * other patterns, most literal segments first. No regular expressions.
 */
export class RouteTable {
  private readonly exact = new Map<string, Route[]>();
  private readonly patterned: PatternRow[] = [];
  /** "/:name" rows: matched without splitting the path, after every other pattern. */
  private readonly oneSegment: Array<{ route: Route; name: string; methods: ReadonlySet<string> }> = [];

  constructor(readonly routes: readonly Route[]) {
    for (const route of routes) {
      if (!route.pattern.includes("/:")) {
        const rows = this.exact.get(route.pattern) ?? [];
        rows.push(route);
        this.exact.set(route.pattern, rows);
      } else if (/^\/:\w+$/.test(route.pattern)) {
        this.oneSegment.push({ route, name: route.pattern.slice(2), methods: new Set(methodsOf(route)) });
      } else {
        this.patterned.push({ route, parts: route.pattern.split("/"), methods: new Set(methodsOf(route)) });
      }
    }
    const literals = (row: PatternRow) => row.parts.filter((part) => !part.startsWith(":")).length;
    this.patterned.sort((a, b) => literals(b) - literals(a));
  }

  /** The row for `method` and `path` (raw, without the query) with its decoded parameters, or null. Throws BAD_REQUEST for a malformed parameter. */
  match(method: string, path: string): RouteMatch | null {
    const exact = this.exact.get(path);
    if (exact) {
      const route = exact.find((row) => methodsOf(row).includes(method as never));
      if (route) return { route, params: {} };
    }
    // The short-link catch-all is the hottest row: one-segment paths never reach the split below.
    if (path.length > 1 && path.indexOf("/", 1) === -1) {
      for (const row of this.oneSegment) {
        if (row.methods.has(method)) return { route: row.route, params: { [row.name]: decodePathSegment(path.slice(1)) } };
      }
    }
    const parts = path.split("/");
    for (const row of this.patterned) {
      if (row.parts.length !== parts.length || !row.methods.has(method)) continue;
      const params = matchParts(row.parts, parts);
      if (params) return { route: row.route, params };
    }
    return null;
  }

  /** The row with exactly this method and pattern (the Next route adapter's lookup). */
  find(method: string, pattern: string): Route | undefined {
    return this.routes.find((route) => route.pattern === pattern && methodsOf(route).includes(method as never));
  }
}

function matchParts(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] as string;
    if (!expected.startsWith(":") && expected !== parts[index]) return null;
    // Parameters never match an empty segment ("/api/chat/conversations//messages").
    if (expected.startsWith(":") && !parts[index]) return null;
  }
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] as string;
    if (expected.startsWith(":")) params[expected.slice(1)] = decodePathSegment(parts[index] as string);
  }
  return params;
}
