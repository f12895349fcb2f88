import { describe, expect, it } from "vitest";
import { supervise, type ProcessExit, type RestartPolicy, type RunningProcess } from "./supervisor";

/** A stand-in process: `crash()` ends it as a signal would, `stop()` as asked. */
function fakeProcess(pid: number) {
  let exit: (result: ProcessExit) => void = () => {};
  const exited = new Promise<ProcessExit>((resolve) => (exit = resolve));
  const run: RunningProcess & { crash: (signal?: NodeJS.Signals) => void; stopped: boolean } = {
    pid,
    exited,
    stopped: false,
    crash: (signal = "SIGKILL") => exit({ code: null, signal }),
    stop: async () => {
      run.stopped = true;
      exit({ code: 0, signal: null });
      await exited;
    },
  };
  return run;
}

const FAST: RestartPolicy = { initialDelayMs: 20, maxDelayMs: 80, maxRestarts: 4, windowMs: 60_000 };

function harness(policy = FAST) {
  const lines: string[] = [];
  const first = fakeProcess(100);
  const runs = [first];
  const supervised = supervise({
    name: "worker",
    first,
    restart: async () => {
      const run = fakeProcess(100 + runs.length);
      runs.push(run);
      return run;
    },
    policy,
    log: (line) => lines.push(line),
    onChange: () => {},
  });
  const latest = () => runs.at(-1) ?? first;
  return { lines, runs, supervised, latest };
}

describe("supervise", () => {
  it("restarts a crashed process with doubling delays and says so in one line each time", async () => {
    const { lines, runs, supervised, latest } = harness();
    for (let restart = 1; restart <= 3; restart += 1) {
      latest().crash();
      await expect.poll(() => runs.length).toBe(restart + 1);
    }
    expect(lines).toEqual([
      "worker exited with signal SIGKILL; restarting in 0.02 s (restart 1 in the last minute)",
      "worker exited with signal SIGKILL; restarting in 0.04 s (restart 2 in the last minute)",
      "worker exited with signal SIGKILL; restarting in 0.08 s (restart 3 in the last minute)",
    ]);
    expect(supervised.state()).toEqual({ status: "running", pid: 103, restarts: 3, lastExit: "exited with signal SIGKILL" });
    await supervised.stop();
    expect(latest().stopped).toBe(true);
  });

  it("gives up on a process that keeps crashing, and says so plainly", async () => {
    const { lines, runs, supervised, latest } = harness();
    for (let crash = 1; crash <= FAST.maxRestarts; crash += 1) {
      latest().crash();
      await expect.poll(() => runs.length).toBe(crash + 1);
    }
    latest().crash("SIGSEGV");
    await expect.poll(() => supervised.state().status).toBe("given-up");
    expect(runs).toHaveLength(FAST.maxRestarts + 1);
    expect(lines.at(-1)).toMatch(/^worker exited with signal SIGSEGV; it crashed 5 times within 60 s, so it is NOT restarted again\./);
    expect(supervised.state().pid).toBeNull();
  });

  it("restarts nothing once stopped, not even a restart already scheduled", async () => {
    const { runs, supervised, latest } = harness({ ...FAST, initialDelayMs: 60_000, maxDelayMs: 60_000 });
    latest().crash();
    await expect.poll(() => supervised.state().status).toBe("restarting");
    await supervised.stop();
    expect(supervised.state().status).toBe("stopped");
    expect(runs).toHaveLength(1);
  });

  it("does not treat a stop it was asked for as a crash", async () => {
    const { lines, runs, supervised } = harness();
    await supervised.stop();
    expect(runs[0]?.stopped).toBe(true);
    expect(lines).toEqual([]);
    expect(runs).toHaveLength(1);
  });
});
