import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { startBenchStack, type BenchStack } from "../support/bench-stack";
import { log } from "./settings";

export type Target = BenchStack & { gatewayPort: number; authSecret: string };

/** The app under test: BASE_URL's running stack, or a throwaway one on free ports. */
export async function startTarget(): Promise<Target> {
  // A throwaway stack hands process.env.AUTH_SECRET to its services; the bench signs session cookies with it.
  if (!process.env.BASE_URL) process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const stack = await startBenchStack({
    name: "chat",
    env: { RATE_LIMIT_CHAT_SEND_POINTS: "100000000", LOGIN_LIMIT_PER_IP: "100000", LOGIN_LIMIT_PER_ACCOUNT: "100000" },
    log,
  });
  if (!stack.gatewayUrl) {
    await stack.stop();
    throw new Error("bench:chat needs the project's gateway (stack.json has no gatewayUrl).");
  }
  const authSecret = process.env.AUTH_SECRET ?? (await fs.readFile(path.join(stack.dataDir, "auth-secret"), "utf8")).trim();
  return { ...stack, gatewayPort: Number(new URL(stack.gatewayUrl).port), authSecret };
}
