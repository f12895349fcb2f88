"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/input";
import { ProgressBar } from "@/components/ui/progress-bar";
import { BULK_ROWS_PER_CALL } from "@/server/links/manage/bulk-limits";
import { BULK_MAX_FILE_BYTES, BULK_MAX_ROWS, parseBulkRows, resultsCsv, type BulkRow } from "./bulk-rows";

type Outcome = { row: BulkRow; shortUrl: string | null; error: string | null };

/**
 * Many links at once: paste URLs (one a line) or a CSV (url, alias, title,
 * tags, expiresAt), or choose a .csv file. Rows go to the server 100 at a
 * time with a progress bar; each row's short link or error is listed, and the
 * whole outcome downloads as CSV. A failed row never stops the others.
 */
export function BulkCreateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const textId = useId();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const bulkCreate = useMutation(trpc.links.bulkCreate.mutationOptions());
  const running = progress !== null && progress.done < progress.total;

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > BULK_MAX_FILE_BYTES) return setProblem(`CSV files can be at most ${BULK_MAX_FILE_BYTES / 1024 / 1024} MB.`);
    setText(await file.text());
    setProblem(null);
  };

  const run = async () => {
    const { rows, problem: parseProblem } = parseBulkRows(text);
    setProblem(parseProblem);
    if (parseProblem) return;
    setOutcomes([]);
    setProgress({ done: 0, total: rows.length });
    for (let start = 0; start < rows.length; start += BULK_ROWS_PER_CALL) {
      const chunk = rows.slice(start, start + BULK_ROWS_PER_CALL);
      try {
        const results = await bulkCreate.mutateAsync({ rows: chunk });
        const done = chunk.map((row, index): Outcome => {
          const result = results[index];
          return result?.ok ? { row, shortUrl: result.link.shortUrl, error: null } : { row, shortUrl: null, error: result?.message ?? "Not created." };
        });
        setOutcomes((current) => [...current, ...done]);
        setProgress({ done: start + chunk.length, total: rows.length });
      } catch (error) {
        setProblem(`Stopped after ${start} of ${rows.length} rows: ${error instanceof Error ? error.message : "the server did not answer."}`);
        setProgress(null);
        break;
      }
    }
    await queryClient.invalidateQueries(trpc.links.list.pathFilter());
  };

  const created = outcomes.filter((outcome) => !outcome.error).length;
  const failed = outcomes.length - created;
  const download = `data:text/csv;charset=utf-8,${encodeURIComponent(resultsCsv(outcomes))}`;

  return (
    <Dialog
      open={open}
      onClose={() => !running && onClose()}
      title="Create links in bulk"
      className="w-[min(48rem,calc(100vw-2rem))]"
      description={`Paste URLs, one a line, or a CSV with a header row: url, alias, title, tags (separated by ";"), expiresAt. Up to ${BULK_MAX_ROWS.toLocaleString("en")} links.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={running}>
            Close
          </Button>
          <Button onClick={() => void run()} loading={running} disabled={!text.trim()}>
            Create links
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <label htmlFor={textId} className="block text-sm font-medium text-fg">
          URLs or CSV
        </label>
        <Textarea id={textId} rows={6} value={text} onChange={(event) => setText(event.target.value)} placeholder={"https://example.com/spring-sale\nhttps://example.com/blog/launch"} className="font-mono" />
        <label className="block text-sm text-muted">
          Or choose a CSV file
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => void chooseFile(event.target.files?.[0])}
            className="mt-1 block w-full text-sm text-muted file:mr-3 file:rounded-lg file:border-0 file:bg-accent file:px-3 file:py-1.5 file:font-medium file:text-accent-fg"
          />
        </label>
        {problem ? <Alert>{problem}</Alert> : null}
        {progress ? <ProgressBar label={`Created ${progress.done} of ${progress.total} rows`} percent={(progress.done / progress.total) * 100} /> : null}
        {outcomes.length > 0 && !running ? (
          <div className="space-y-2">
            <p className="text-sm text-fg" role="status">
              {created} created, {failed} failed.{" "}
              <a href={download} download="casebook-links.csv" className="font-medium text-accent-text hover:underline">
                Download results (CSV)
              </a>
            </p>
            <ol aria-label="Results" className="max-h-64 divide-y divide-border overflow-y-auto rounded-lg border border-border text-sm">
              {outcomes.map((outcome, index) => (
                <li key={index} className="flex flex-wrap gap-x-3 px-3 py-2">
                  <span className="w-8 text-muted tabular-nums">{index + 1}</span>
                  <span className="min-w-0 flex-1 truncate">{outcome.row.url || "(no URL)"}</span>
                  {outcome.error ? <span className="text-danger">{outcome.error}</span> : <span className="font-medium text-success">{outcome.shortUrl}</span>}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
