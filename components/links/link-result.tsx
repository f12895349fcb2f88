import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import type { LinkView } from "@/server/links/manage/link-view";
import { CopyButton } from "./copy-button";
import { formatDateTime } from "./format";
import { QrCode } from "./qr-code";

/** The link just created: its short URL to copy, where it goes, and its QR code. */
export function LinkResult({ link }: { link: LinkView }) {
  return (
    <Card role="region" aria-label="Your short link" className="border-accent/40">
      <CardBody className="flex flex-col gap-5 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1 space-y-3">
          <p className="text-sm font-medium text-success">Short link ready</p>
          <div className="flex flex-wrap items-center gap-2">
            <a href={link.shortUrl} target="_blank" rel="noreferrer" className="break-all text-lg font-semibold text-accent-text underline-offset-4 hover:underline" data-testid="short-url">
              {link.shortUrl}
            </a>
            <CopyButton text={link.shortUrl} accessibleLabel="Copy short URL" size="sm" />
          </div>
          <p className="text-sm text-muted">
            Goes to <span className="break-all text-fg">{link.displayUrl}</span>
          </p>
          <p className="text-sm text-muted">{link.expiresAt ? `Expires ${formatDateTime(link.expiresAt)}` : "Never expires"}</p>
          <Link href={`/links/${encodeURIComponent(link.code)}`} className={buttonClasses({ variant: "ghost", size: "sm", className: "-ml-3" })}>
            View analytics
          </Link>
        </div>
        <QrCode value={link.shortUrl} fileName={`qr-${link.code}`} />
      </CardBody>
    </Card>
  );
}
