"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TimelinePoint } from "@/server/links/analytics/get-link-stats";
import { formatCount } from "./format";

const hourLabel = new Intl.DateTimeFormat("en", { hour: "numeric", minute: "2-digit" });
const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const fullHourLabel = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const fullDayLabel = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** Hour buckets are instants (shown in local time); day buckets are UTC dates (shown as such). */
function labelsFor(bucket: "hour" | "day") {
  return bucket === "hour"
    ? { short: (start: string) => hourLabel.format(new Date(start)), long: (start: string) => fullHourLabel.format(new Date(start)) }
    : {
        short: (start: string) => dayLabel.format(new Date(`${start}T00:00:00Z`)),
        long: (start: string) => `${fullDayLabel.format(new Date(`${start}T00:00:00Z`))} (UTC)`,
      };
}

/**
 * Clicks over time as bars. The SVG is hidden from assistive technology; a
 * summary sentence and a visually hidden table carry the same numbers.
 */
export function ClicksChart({ timeline, bucket, rangeLabel }: { timeline: TimelinePoint[]; bucket: "hour" | "day"; rangeLabel: string }) {
  const summaryId = useId();
  const labels = labelsFor(bucket);
  const total = timeline.reduce((sum, point) => sum + point.clicks, 0);
  const peak = timeline.reduce<TimelinePoint | null>((best, point) => (point.clicks > (best?.clicks ?? 0) ? point : best), null);
  const summary =
    total === 0
      ? `No clicks in the last ${rangeLabel}.`
      : `${formatCount(total)} clicks over the last ${rangeLabel}, by ${bucket}; the busiest ${bucket} was ${peak ? labels.long(peak.start) : "—"} with ${formatCount(peak?.clicks ?? 0)}.`;
  const data = timeline.map((point) => ({ ...point, label: labels.short(point.start) }));

  return (
    <figure aria-describedby={summaryId} className="rounded-xl border border-border bg-surface p-5 shadow-sm">
      <figcaption className="text-sm font-semibold text-fg">Clicks over time</figcaption>
      <p id={summaryId} className="mt-1 text-sm text-muted">
        {summary}
      </p>
      <div aria-hidden="true" className="mt-4 h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          {/* No keyboard layer: the chart is hidden from assistive technology (the table below says it all), so a
              focus stop in it would be a nameless, invisible one. */}
          <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="label" tick={{ fill: "var(--muted)", fontSize: 12 }} tickLine={false} axisLine={{ stroke: "var(--border)" }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fill: "var(--muted)", fontSize: 12 }} tickLine={false} axisLine={false} width={48} />
            <Tooltip
              cursor={{ fill: "var(--surface-2)" }}
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--fg)" }}
              labelFormatter={(_, payload) => {
                const start = (payload[0]?.payload as { start?: string } | undefined)?.start;
                return start ? labels.long(start) : "";
              }}
              formatter={(value, name) => [formatCount(Number(value)), name === "clicks" ? "Clicks" : "Unique visitors"]}
            />
            <Bar dataKey="clicks" name="clicks" fill="var(--accent)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* A table ignores width: 1px, so the visually hidden box is a wrapper around it. */}
      <div className="sr-only">
        <table>
          <caption>Clicks per {bucket}</caption>
          <thead>
            <tr>
              <th scope="col">{bucket === "hour" ? "Hour" : "Day (UTC)"}</th>
              <th scope="col">Clicks</th>
              <th scope="col">Unique visitors</th>
            </tr>
          </thead>
          <tbody>
            {timeline.map((point) => (
              <tr key={point.start}>
                <th scope="row">{labels.long(point.start)}</th>
                <td>{point.clicks}</td>
                <td>{point.uniqueVisitors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
