import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readGivenUpProcesses, supervisorStatusFile, writeSupervisorStatus, type SupervisedState } from "./supervisor-status";

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-supervisor-"));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const state = (status: SupervisedState["status"]): SupervisedState => ({ status, pid: null, restarts: 6, lastExit: "exited with code 1" });

describe("the supervisor's status file", () => {
  it("names the processes a live supervisor gave up on", async () => {
    await writeSupervisorStatus(dataDir, {
      pid: process.pid,
      updatedAt: new Date().toISOString(),
      processes: { web: state("running"), worker: state("given-up"), gateway: state("restarting"), "redis-server": state("given-up") },
    });
    expect(await readGivenUpProcesses(dataDir)).toEqual(["worker", "redis-server"]);
  });

  it("is ignored when its supervisor is gone, unreadable or absent (a deployment without npm start)", async () => {
    expect(await readGivenUpProcesses(dataDir)).toEqual([]);
    const exited = spawnSync(process.execPath, ["-e", "0"]).pid;
    await writeSupervisorStatus(dataDir, { pid: exited ?? 0, updatedAt: new Date().toISOString(), processes: { worker: state("given-up") } });
    expect(await readGivenUpProcesses(dataDir)).toEqual([]);
    await fs.writeFile(supervisorStatusFile(dataDir), "{ half a file");
    expect(await readGivenUpProcesses(dataDir)).toEqual([]);
  });
});
