"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { VideoRow } from "./video-row";

/** The /videos home's "Trending": most viewed lately, recent views weighing most; hidden until there are views. */
export function TrendingRow() {
  const trpc = useTRPC();
  const trending = useQuery({ ...trpc.videos.trending.queryOptions(), select: (videos) => videos.map((video) => ({ video })) });
  return <VideoRow title="Trending" query={trending} empty={null} />;
}
