import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isLinkShaped } from "@/server/links/manage/alias";

/**
 * One-segment paths that no page claims. A segment that could not be a short
 * link ("/video", "/a.b") is a mistyped page: notFound() here, in the layout,
 * is caught by the app's own not-found page, not by ./not-found.tsx, which
 * wraps only this segment's page. (Codes are plain letters, digits, - and _,
 * so the raw segment is what to check.)
 */
export default async function ShortLinkLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  if (!isLinkShaped((await params).code)) notFound();
  return children;
}
