import { spawn } from "node:child_process";

export type ProgramResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs ffmpeg or ffprobe (Debian's, on PATH) without a shell. `onLine` sees
 * stdout line by line (ffmpeg's -progress). An aborted `signal` kills the
 * program. stderr keeps its last 8 KB for the log and the failure reason.
 */
export function runProgram(program: "ffmpeg" | "ffprobe", args: string[], options: { signal?: AbortSignal; onLine?: (line: string) => void } = {}): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "pipe", "pipe"], signal: options.signal });
    let stdout = "";
    let pending = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (!options.onLine) {
        stdout += chunk;
        return;
      }
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) options.onLine(line);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-8192);
    });
    child.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? new Error(`${program} is not installed (Debian: apt-get install ffmpeg; npm start installs it)`) : error);
    });
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
