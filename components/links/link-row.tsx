"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Menu, MenuItem, MenuSeparator } from "@/components/ui/menu";
import { Spinner } from "@/components/ui/spinner";
import type { LinkView } from "@/server/links/manage/link-view";
import { CopyButton } from "./copy-button";
import { formatCount, formatDate, formatDateTime } from "./format";
import { LinkStatusBadge } from "./link-status-badge";

export type LinkAction = "edit" | "qr" | "toggle" | "delete";

/** One of "My links": short URL, destination, tags, clicks, status, created, and its actions menu. */
export function LinkRow({
  link,
  busy,
  onAction,
  onTag,
}: {
  link: LinkView;
  busy: boolean;
  onAction: (action: LinkAction, link: LinkView) => void;
  onTag: (tag: string) => void;
}) {
  const analyticsHref = `/links/${encodeURIComponent(link.code)}`;
  return (
    <tr className="align-top">
      <td className="max-w-0 py-3 pr-3 pl-4 sm:pl-5">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={analyticsHref} className="font-medium text-accent-text underline-offset-4 hover:underline">
            /{link.code}
          </Link>
          <CopyButton text={link.shortUrl} accessibleLabel={`Copy ${link.shortUrl}`} variant="ghost" size="sm" />
          {link.hasPassword ? <Badge>Password</Badge> : null}
          <span className="sm:hidden">
            <LinkStatusBadge status={link.status} />
          </span>
        </div>
        {link.title ? <p className="mt-0.5 truncate text-sm text-fg">{link.title}</p> : null}
        <p className="mt-0.5 truncate text-sm text-muted" title={link.displayUrl}>
          {link.displayUrl}
        </p>
        {link.tags.length > 0 ? (
          <ul aria-label="Tags" className="mt-1.5 flex flex-wrap gap-1">
            {link.tags.map((tag) => (
              <li key={tag}>
                <button type="button" onClick={() => onTag(tag)} className="rounded-full" aria-label={`Show links tagged ${tag}`}>
                  <Badge tone="accent">{tag}</Badge>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      <td className="py-3 pr-3 text-right text-sm font-semibold tabular-nums text-fg" data-testid="click-count">
        {formatCount(link.clickCount)}
      </td>
      <td className="hidden py-3 pr-3 sm:table-cell">
        <LinkStatusBadge status={link.status} />
        {link.expiresAt && link.status !== "disabled" ? (
          <p className="mt-1 text-xs text-muted">
            {link.status === "expired" ? "Expired" : "Expires"} {formatDateTime(link.expiresAt)}
          </p>
        ) : null}
      </td>
      <td className="hidden py-3 pr-3 text-sm whitespace-nowrap text-muted md:table-cell">{formatDate(link.createdAt)}</td>
      <td className="py-2 pr-2 text-right sm:pr-3">
        {busy ? (
          <Spinner label="Saving" className="h-9 px-2" />
        ) : (
          <Menu label={`Actions for /${link.code}`} triggerClassName="size-9 justify-center text-muted hover:bg-surface-2 hover:text-fg" trigger={<DotsIcon />}>
            <MenuItem href={analyticsHref}>Analytics</MenuItem>
            <MenuItem onSelect={() => onAction("qr", link)}>QR code</MenuItem>
            <MenuItem onSelect={() => onAction("edit", link)}>Edit</MenuItem>
            <MenuItem onSelect={() => onAction("toggle", link)}>{link.disabled ? "Enable" : "Disable"}</MenuItem>
            <MenuSeparator />
            <MenuItem onSelect={() => onAction("delete", link)}>Delete</MenuItem>
          </Menu>
        )}
      </td>
    </tr>
  );
}

function DotsIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
      <circle cx="4" cy="10" r="1.6" />
      <circle cx="10" cy="10" r="1.6" />
      <circle cx="16" cy="10" r="1.6" />
    </svg>
  );
}
