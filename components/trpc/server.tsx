import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { createContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { makeQueryClient } from "./query-client";

/**
 * Server components prefetch through this proxy (no HTTP hop, same context as
 * /api/trpc), then wrap client parts in <HydrateClient> so their useQuery
 * starts with the data:
 *
 *   await getQueryClient().prefetchQuery(trpc.system.homeStats.queryOptions());
 *   return <HydrateClient><HomeCards /></HydrateClient>;
 */
export const getQueryClient = cache(makeQueryClient);

const getContext = cache(async () => createContext({ headers: new Headers(await headers()) }));

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
