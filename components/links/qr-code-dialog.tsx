"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { LinkView } from "@/server/links/manage/link-view";
import { QrCode } from "./qr-code";

/** A link's QR code from its row's menu, with PNG and SVG downloads. */
export function QrCodeDialog({ link, onClose }: { link: LinkView; onClose: () => void }) {
  return (
    <Dialog
      open
      onClose={onClose}
      title={`QR code for /${link.code}`}
      description={link.shortUrl}
      footer={
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <QrCode value={link.shortUrl} fileName={`qr-${link.code}`} />
    </Dialog>
  );
}
