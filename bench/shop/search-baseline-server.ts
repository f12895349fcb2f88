/**
 * The search baseline of `npm run bench:shop` over HTTP, so it can be driven
 * like the app's route: a bare node:http server answering
 * `GET /search?input=<JSON params>` with the baseline query's page
 * (./search.ts, through Prisma like the app). Started as a child process by
 * bench/shop.ts. (A bench helper, not app code: it reads its settings from argv.)
 */
import http from "node:http";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../server/generated/prisma/client";
import { SearchProductsInput } from "../../server/shop/catalog/search-options";
import { serveBaseline } from "../support/baseline-process";
import { baselineSearch } from "./search";

const [portArg, databaseUrl] = process.argv.slice(2);
if (!portArg || !databaseUrl) throw new Error("usage: search-baseline-server <port> <database url>");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });

const server = http.createServer((request, response) => {
  const input = new URL(request.url ?? "/", "http://baseline").searchParams.get("input") ?? "{}";
  Promise.resolve()
    .then(() => baselineSearch(db, SearchProductsInput.parse(JSON.parse(input))))
    .then(
      (page) => {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(JSON.stringify(page));
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
});
serveBaseline(server, Number(portArg), () => db.$disconnect());
