import type { Metadata } from "next";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { SearchBox } from "@/components/videos/search-box";
import { VideoSearch } from "@/components/videos/video-search";
import { DURATION_FILTERS, SEARCH_SORTS, UPLOAD_FILTERS } from "@/server/videos/search/search-options";

export const metadata: Metadata = { title: "Search videos" };

type Query = Record<string, string | string[] | undefined>;

/** One value of the address's query, if it is one of `allowed` (anything else: the first, "any"/"relevance"). */
function pick<T extends string>(query: Query, name: string, allowed: Record<T, string>): T {
  const value = query[name];
  const keys = Object.keys(allowed) as T[];
  return typeof value === "string" && (keys as string[]).includes(value) ? (value as T) : (keys[0] as T);
}

export default async function VideoSearchPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const q = typeof query.q === "string" ? query.q : "";
  return (
    <PageContainer>
      <PageHeader eyebrow="Video" title={q ? `Results for “${q}”` : "Search videos"} actions={<SearchBox defaultValue={q} />} />
      <VideoSearch params={{ q, duration: pick(query, "duration", DURATION_FILTERS), uploaded: pick(query, "uploaded", UPLOAD_FILTERS), sort: pick(query, "sort", SEARCH_SORTS) }} />
    </PageContainer>
  );
}
