import type { SupervisedState } from "../../server/platform/supervisor-status";

export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

/** One run of a supervised process, as its starter hands it over. */
export type RunningProcess = {
  pid: number | undefined;
  /** Settles when the process has exited, for whatever reason. */
  exited: Promise<ProcessExit>;
  /** Stops it on purpose (no restart follows) and waits for the exit. */
  stop: () => Promise<void>;
};

export type RestartPolicy = {
  /** The first restart waits this long; each further crash in the window doubles it, up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** More than maxRestarts crashes within windowMs: the process is left stopped. */
  maxRestarts: number;
  windowMs: number;
};

/** 0.5 s, 1 s, 2 s, 4 s, 8 s: five restarts in a minute (15.5 s of waiting), then a sixth crash gives up. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 500, maxDelayMs: 10_000, maxRestarts: 5, windowMs: 60_000 };

export type SupervisedProcess = {
  name: string;
  state: () => SupervisedState;
  /** Stops the process and any pending restart; resolves once it has exited. */
  stop: () => Promise<void>;
};

/**
 * Watches a process that is already running and starts it again when it exits
 * on its own, with exponential backoff and one log line per restart. A process
 * that keeps crashing is given up on (said plainly, and reported through
 * `onChange` so /api/health can name it) instead of being restarted forever.
 */
export function supervise(options: {
  name: string;
  first: RunningProcess;
  /** Starts a fresh run; throwing counts as a crash. */
  restart: () => Promise<RunningProcess>;
  policy?: RestartPolicy;
  log: (line: string) => void;
  onChange: () => void;
  now?: () => number;
}): SupervisedProcess {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  const now = options.now ?? Date.now;
  const { name, log } = options;
  let current: RunningProcess | undefined = options.first;
  let state: SupervisedState = { status: "running", pid: options.first.pid ?? null, restarts: 0, lastExit: null };
  let stopping = false;
  let pendingRestart: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  let crashes: number[] = [];

  const setState = (next: Partial<SupervisedState>) => {
    state = { ...state, ...next };
    options.onChange();
  };

  let recovery: Promise<void> = Promise.resolve();
  const watch = (run: RunningProcess) => {
    void run.exited.then((exit) => {
      if (stopping || current !== run) return;
      current = undefined;
      recovery = onCrash(describeExit(exit));
    });
  };

  const onCrash = async (reason: string) => {
    const at = now();
    crashes = [...crashes.filter((time) => at - time < policy.windowMs), at];
    setState({ lastExit: reason, pid: null });
    if (crashes.length > policy.maxRestarts) {
      log(
        `${name} ${reason}; it crashed ${crashes.length} times within ${formatSeconds(policy.windowMs)}, so it is NOT restarted again. ` +
          `Casebook runs on without it and /api/health names it. Its output is above; fix the cause, then restart Casebook.`,
      );
      setState({ status: "given-up" });
      return;
    }
    const delay = Math.min(policy.initialDelayMs * 2 ** (crashes.length - 1), policy.maxDelayMs);
    const window = policy.windowMs === 60_000 ? "the last minute" : `the last ${formatSeconds(policy.windowMs)}`;
    log(`${name} ${reason}; restarting in ${formatSeconds(delay)} (restart ${crashes.length} in ${window})`);
    setState({ status: "restarting" });
    await new Promise<void>((resolve) => (pendingRestart = { timer: setTimeout(resolve, delay), resolve }));
    pendingRestart = undefined;
    if (stopping) return;
    try {
      const run = await options.restart();
      if (stopping) {
        await run.stop();
        return;
      }
      current = run;
      setState({ status: "running", pid: run.pid ?? null, restarts: state.restarts + 1 });
      watch(run);
    } catch (error) {
      await onCrash(`failed to start again (${error instanceof Error ? error.message : String(error)})`);
    }
  };

  watch(options.first);
  return {
    name,
    state: () => state,
    stop: async () => {
      stopping = true;
      if (pendingRestart) {
        clearTimeout(pendingRestart.timer);
        pendingRestart.resolve();
      }
      // A restart under way finishes first and stops what it started.
      await recovery;
      await current?.stop();
      setState({ status: "stopped", pid: null });
    },
  };
}

export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `exited with signal ${exit.signal}` : `exited with code ${exit.code ?? "unknown"}`;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(2))} s`;
}
