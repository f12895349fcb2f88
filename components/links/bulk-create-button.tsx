"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { BulkCreateDialog } from "./bulk-create-dialog";

/** Opens the bulk import (bulk-create-dialog.tsx) from the Links page header. */
export function BulkCreateButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Bulk create
      </Button>
      {open ? <BulkCreateDialog open onClose={() => setOpen(false)} /> : null}
    </>
  );
}
