import { describe, expect, it } from "vitest";
import { healthRoute } from "./health-route";
import { isNextReady, nextPreparing } from "./next-readiness";

describe("/api/health while the web process prepares Next", () => {
  it("answers 503 starting until Next is ready, then probes the parts", async () => {
    let ready = () => {};
    const prepared = new Promise<void>((resolve) => (ready = resolve));
    nextPreparing(prepared);
    expect(isNextReady()).toBe(false);
    const starting = await healthRoute();
    expect(starting.status).toBe(503);
    expect(JSON.parse(String(starting.body))).toEqual({ status: "starting" });
    expect(starting.headers?.["Retry-After"]).toBe("1");

    ready();
    await expect.poll(() => isNextReady()).toBe(true);
    const probed = JSON.parse(String((await healthRoute()).body)) as { status: string; postgres?: string };
    expect(probed.postgres).toBe("ok");
  });
});
