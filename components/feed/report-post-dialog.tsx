"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { REPORT_REASONS } from "@/server/feed/safety/report-post";

type Reason = (typeof REPORT_REASONS)[number];

const REASONS: Array<{ value: Reason; label: string }> = [
  { value: "spam", label: "Spam or scam" },
  { value: "harassment", label: "Harassment or bullying" },
  { value: "hate", label: "Hateful content" },
  { value: "violence", label: "Violence or threats" },
  { value: "misinformation", label: "False information" },
  { value: "other", label: "Something else" },
];

/** Reports a post to the administrators with a reason and an optional explanation. */
export function ReportPostDialog({ postId, authorName, open, onClose }: { postId: string; authorName: string; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [reason, setReason] = useState<Reason | null>(null);
  const [details, setDetails] = useState("");
  const report = useMutation(
    trpc.feed.safety.report.mutationOptions({
      onSuccess: () => {
        toast.show({ tone: "success", title: "Thanks for reporting", description: "An administrator will look at this post." });
        setReason(null);
        setDetails("");
        onClose();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason) report.mutate({ postId, reason, details });
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Report this post"
      description={`Tell the administrators what is wrong with ${authorName}'s post. They will not know it was you.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={`report-${postId}`} loading={report.isPending} disabled={!reason}>
            Send report
          </Button>
        </>
      }
    >
      <form id={`report-${postId}`} onSubmit={submit} className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-fg">Reason</legend>
          {REASONS.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="reason" value={option.value} checked={reason === option.value} onChange={() => setReason(option.value)} />
              {option.label}
            </label>
          ))}
        </fieldset>
        <Field label="Anything to add? (optional)" hint={`${details.length}/500`}>
          {(props) => <Textarea {...props} value={details} maxLength={500} rows={3} onChange={(event) => setDetails(event.target.value)} />}
        </Field>
        {report.isError ? <p className="text-sm text-danger">{report.error.message}</p> : null}
      </form>
    </Dialog>
  );
}
