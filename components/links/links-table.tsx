"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { LinkView } from "@/server/links/manage/link-view";
import type { LinkPage } from "@/server/links/manage/list-links";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import { EditLinkDialog } from "./edit-link-dialog";
import { LinkFilters, NO_FILTERS, type LinkFilterValues } from "./link-filters";
import { LinkRow, type LinkAction } from "./link-row";
import { QrCodeDialog } from "./qr-code-dialog";
import { useLinkClicks } from "./use-link-clicks";
import { LoadError } from "@/components/ui/load-error";

const PAGE_SIZE = 20;
const TYPING_PAUSE_MS = 300;

/**
 * "My links": filtered, paged with a cursor, click counts kept live from the
 * owner's realtime channel (`channel`), with edit/disable/delete per row.
 */
export function LinksTable({ channel }: { channel: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [filters, setFilters] = useState<LinkFilterValues>(NO_FILTERS);
  const settled = useSettled(filters);
  const [dialog, setDialog] = useState<{ kind: "edit" | "qr" | "delete"; link: LinkView } | null>(null);
  const [knownTags, setKnownTags] = useState<string[]>([]);

  const input = { search: settled.search.trim() || undefined, tag: settled.tag.trim() || undefined, status: settled.status, limit: PAGE_SIZE };
  const pages = useInfiniteQuery(trpc.links.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData }));
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];

  // Tag suggestions: every tag seen so far, so filtering by one does not hide the others (state adjusted during render).
  const tagsOnPage = [...new Set(items.flatMap((link) => link.tags))];
  const unseen = tagsOnPage.filter((tag) => !knownTags.includes(tag));
  if (unseen.length > 0) setKnownTags([...knownTags, ...unseen].sort((a, b) => a.localeCompare(b)));

  useLinkClicks(
    channel,
    (counts) => {
      const byCode = new Map(counts.map((entry) => [entry.code, entry.clickCount]));
      queryClient.setQueriesData<InfiniteData<LinkPage>>(trpc.links.list.pathFilter(), (data) =>
        data && "pages" in data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                // Totals only grow; an event overtaken by a fresher fetch must not move a count back.
                items: page.items.map((link) => {
                  const count = byCode.get(link.code);
                  return count !== undefined && count > link.clickCount ? { ...link, clickCount: count } : link;
                }),
              })),
            }
          : data,
      );
    },
    () => void queryClient.invalidateQueries(trpc.links.list.pathFilter()),
  );

  const toggle = useMutation(
    trpc.links.setDisabled.mutationOptions({
      onSuccess: async (link) => {
        await queryClient.invalidateQueries(trpc.links.list.pathFilter());
        toast.show({ tone: "success", title: link.disabled ? `Disabled /${link.code}` : `Enabled /${link.code}` });
      },
      onError: (error) => toast.show({ tone: "error", title: "Could not change the link", description: error.message }),
    }),
  );

  const onAction = (action: LinkAction, link: LinkView) => {
    if (action === "toggle") toggle.mutate({ code: link.code, disabled: !link.disabled });
    else setDialog({ kind: action, link });
  };

  const filtered = settled.search.trim() !== "" || settled.tag.trim() !== "" || settled.status !== "all";

  return (
    <div className="space-y-4">
      <LinkFilters value={filters} onChange={setFilters} knownTags={knownTags} />

      {pages.isPending ? (
        <Card role="status" aria-label="Loading your links" className="divide-y divide-border">
          {Array.from({ length: 4 }, (_, index) => (
            <div key={index} className="flex items-center gap-4 px-5 py-4">
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-32" />
                <Skeleton className="h-3 w-2/3" />
              </div>
              <Skeleton className="h-5 w-10" />
              <Skeleton className="hidden h-5 w-16 sm:block" />
            </div>
          ))}
        </Card>
      ) : pages.isError ? (
        <LoadError title="Could not load your links" message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No links match these filters"
            description="Try another search, tag or status."
            action={
              <Button variant="secondary" size="sm" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState icon={<LinkIcon />} title="No links yet — shorten your first URL" description="Paste a long URL in the form above; your short links and their clicks will appear here." />
        )
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full table-fixed border-collapse text-left">
            <caption className="sr-only">My links{pages.isFetching ? " (updating)" : ""}</caption>
            <thead className="border-b border-border bg-surface-2/60 text-xs font-medium tracking-wide text-muted uppercase">
              <tr>
                <th scope="col" className="py-2.5 pr-3 pl-4 sm:pl-5">
                  Link
                </th>
                <th scope="col" className="w-20 py-2.5 pr-3 text-right">
                  Clicks
                </th>
                <th scope="col" className="hidden w-44 py-2.5 pr-3 sm:table-cell">
                  Status
                </th>
                <th scope="col" className="hidden w-32 py-2.5 pr-3 md:table-cell">
                  Created
                </th>
                <th scope="col" className="w-14 py-2.5 pr-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {items.map((link) => (
                <LinkRow
                  key={link.id}
                  link={link}
                  busy={toggle.isPending && toggle.variables.code === link.code}
                  onAction={onAction}
                  onTag={(tag) => setFilters((current) => ({ ...current, tag }))}
                />
              ))}
            </tbody>
          </table>
        </Card>
      )}

      <LoadMore pages={pages} items="links" />

      {dialog?.kind === "edit" ? <EditLinkDialog key={dialog.link.id} link={dialog.link} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === "qr" ? <QrCodeDialog key={dialog.link.id} link={dialog.link} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === "delete" ? <ConfirmDeleteDialog key={dialog.link.id} link={dialog.link} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

/** The filters once typing pauses (a status change applies at once). */
function useSettled(filters: LinkFilterValues): LinkFilterValues {
  const [settled, setSettled] = useState(filters);
  useEffect(() => {
    const wait = filters.status !== settled.status && filters.search === settled.search && filters.tag === settled.tag ? 0 : TYPING_PAUSE_MS;
    const timer = setTimeout(() => setSettled(filters), wait);
    return () => clearTimeout(timer);
  }, [filters, settled]);
  return settled;
}

function LinkIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1" />
      <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1" />
    </svg>
  );
}
