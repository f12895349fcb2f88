import { describe, expect, it } from "vitest";
import type { Redis } from "@/server/platform/redis";
import { ClickBuffer, parseClickEntry, type ClickEvent } from "./click-events";

const click = (linkId: string): ClickEvent => ({ linkId, occurredAt: Date.now(), ip: "203.0.113.9", userAgent: "Mozilla/5.0", referer: "" });

/** A stand-in for the pipelined XADDs (and click totals) of a Redis that is away for the first `failures` writes. */
function flakyRedis(failures: number) {
  const entries: Array<{ id: string; fields: string[] }> = [];
  let calls = 0;
  const redis = {
    pipeline: () => {
      let fields: string[] = [];
      const pipeline = {
        xadd: (...args: Array<string | number>) => ((fields = args.slice(args.indexOf("*") + 1).map(String)), pipeline),
        incrby: () => pipeline,
        exec: async () => {
          calls += 1;
          if (calls <= failures) throw new Error("Connection is closed.");
          entries.push({ id: `${Date.now()}-${entries.length}`, fields });
          return [[null, "ok"], [null, 1]];
        },
      };
      return pipeline;
    },
  };
  return { redis: redis as unknown as Redis, entries };
}

describe("ClickBuffer", () => {
  it("keeps clicks while Redis is away and writes them when it is back", async () => {
    const { redis, entries } = flakyRedis(2);
    const buffer = new ClickBuffer(redis);
    await Promise.all([buffer.add(click("link-a")), buffer.add(click("link-b"))]);
    expect(entries).toEqual([]);
    await expect.poll(() => entries.length, { timeout: 5_000 }).toBe(1);
    const clicks = entries.flatMap((entry) => parseClickEntry(entry.id, entry.fields)?.clicks ?? []);
    expect(clicks.map((click) => click.linkId)).toEqual(["link-a", "link-b"]);
  });

  it("gives a batch written twice (its reply lost) the same batch id, so the ingest counts it once", async () => {
    const { redis, entries } = flakyRedis(0);
    await new ClickBuffer(redis).add(click("link-a"));
    const [entry] = entries;
    if (!entry) throw new Error("nothing written");
    const first = parseClickEntry(entry.id, entry.fields)?.batchId;
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(parseClickEntry(`${entry.id}-again`, entry.fields)?.batchId).toBe(first);
    // Entries written before batches had ids keep the stream entry id.
    expect(parseClickEntry("1732500000000-3", ["b", entry.fields[1] ?? ""])?.batchId).toBe("1732500000000-3");
  });
});
