/**
 * `node --import ./scripts/node/register.mjs bench/support/profile-top.ts <file.cpuprofile> [count]`
 *
 * The top frames of a V8 CPU profile (what a bench run with BENCH_PROFILE_DIR
 * writes) by self time, and the same grouped by package or source file, so a
 * profile can be compared before and after a change without DevTools.
 */
import fs from "node:fs";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const [file, countArgument] = process.argv.slice(2);
if (!file) {
  console.error("usage: profile-top.ts <file.cpuprofile> [count]");
  process.exit(2);
}
const count = Number(countArgument ?? 25);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);

const byFrame = new Map<string, number>();
const bySource = new Map<string, number>();
for (const [id, micros] of selfMicros) {
  const { functionName, url, lineNumber } = (nodes.get(id) as ProfileNode).callFrame;
  const source = sourceOf(url);
  add(byFrame, `${functionName || "(anonymous)"}  ${source}:${lineNumber + 1}`, micros);
  add(bySource, source, micros);
}

print("self time by frame", byFrame);
print("self time by package or file", bySource);

function add(map: Map<string, number>, key: string, micros: number): void {
  map.set(key, (map.get(key) ?? 0) + micros);
}

/** "node_modules/next/dist/…" → "next"; our files keep their path; V8's pseudo-frames keep their name. */
function sourceOf(url: string): string {
  if (!url) return "(native)";
  const path = url.replace(/^file:\/\//u, "");
  const modules = path.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const [scopeOrName, name] = path.slice(modules + "node_modules/".length).split("/");
    return scopeOrName?.startsWith("@") ? `${scopeOrName}/${name}` : (scopeOrName ?? path);
  }
  return path.replace(`${process.cwd()}/`, "");
}

function print(title: string, map: Map<string, number>): void {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}
