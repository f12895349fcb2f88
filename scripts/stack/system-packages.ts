import { execFileSync, spawnSync } from "node:child_process";
import { StackError } from "./ports";

/** Where a program we rely on comes from on Debian/Ubuntu. */
const DEBIAN_PACKAGES = {
  "redis-server": "redis-server",
  chromium: "chromium",
  ffmpeg: "ffmpeg",
} as const;

export type SystemProgram = keyof typeof DEBIAN_PACKAGES;

export function which(program: string): string | undefined {
  const result = spawnSync("sh", ["-c", `command -v ${program}`], { encoding: "utf8" });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}

/**
 * Returns the path of `program`, installing its Debian package with apt when
 * it is missing and we can (root + apt-get). Otherwise explains how to get it.
 */
export function ensureSystemProgram(program: SystemProgram, log: (line: string) => void = console.log): string {
  const existing = which(program);
  if (existing) return existing;

  const pkg = DEBIAN_PACKAGES[program];
  const canInstall = process.getuid?.() === 0 && which("apt-get") !== undefined;
  if (!canInstall) {
    throw new StackError(
      `${program} is not installed. Install it with your package manager ` +
        `(Debian/Ubuntu: sudo apt-get install -y ${pkg}; macOS: brew install ${program === "redis-server" ? "redis" : program}), then run the command again.`,
    );
  }

  log(`Installing ${pkg} from Debian's packages (one time)...`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env: aptEnv });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", pkg], { stdio: "inherit", env: aptEnv });
  } catch {
    throw new StackError(`Installing ${pkg} with apt-get failed (output above). Install it by hand and run again.`);
  }
  const installed = which(program);
  if (!installed) throw new StackError(`${pkg} was installed but ${program} is still not on PATH.`);
  return installed;
}
