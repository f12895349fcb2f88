import fs from "node:fs/promises";
import path from "node:path";

/**
 * How `npm start`'s supervisor (scripts/stack/supervisor.ts) tells the web
 * process which of its processes it has given up on: a small JSON file in the
 * data directory, rewritten on every change. A file, not a Redis key, so it
 * still speaks when Redis is the process that was given up on. Deployments
 * with their own supervisor (Docker, Vercel) have no such file.
 */
export type SupervisedState = {
  status: "running" | "restarting" | "given-up" | "stopped";
  /** The current run's pid, null while none runs. */
  pid: number | null;
  /** Restarts since `npm start`. */
  restarts: number;
  /** How the last run ended, e.g. "exited with signal SIGKILL". */
  lastExit: string | null;
};

export type SupervisorStatus = {
  /** The supervisor's own pid: a file left by a supervisor that is gone is ignored. */
  pid: number;
  updatedAt: string;
  processes: Record<string, SupervisedState>;
};

export const supervisorStatusFile = (dataDir: string) => path.join(dataDir, "supervisor.json");

export async function writeSupervisorStatus(dataDir: string, status: SupervisorStatus): Promise<void> {
  const file = supervisorStatusFile(dataDir);
  // Written aside and renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.tmp`;
  await fs.writeFile(partial, JSON.stringify(status, null, 2));
  await fs.rename(partial, file);
}

/** The processes a live supervisor no longer restarts; empty without a supervisor. */
export async function readGivenUpProcesses(dataDir: string): Promise<string[]> {
  const text = await fs.readFile(supervisorStatusFile(dataDir), "utf8").catch(() => undefined);
  if (text === undefined) return [];
  let status: SupervisorStatus;
  try {
    status = JSON.parse(text) as SupervisorStatus;
  } catch {
    return [];
  }
  if (!isAlive(status.pid)) return [];
  return Object.entries(status.processes ?? {})
    .filter(([, state]) => state.status === "given-up")
    .map(([name]) => name);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
