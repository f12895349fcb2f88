import { readSecrets } from "../../scripts/stack/secrets";
import { startBenchStack, type BenchStack } from "../support/bench-stack";
import { log } from "./settings";

export type Target = BenchStack & { gatewayPort: number; authSecret: string };

/** The app under test: BASE_URL's running stack, or a throwaway one on free ports. */
export async function startTarget(): Promise<Target> {
  const stack = await startBenchStack({
    name: "chat",
    env: { RATE_LIMIT_CHAT_SEND_POINTS: "100000000", LOGIN_LIMIT_PER_IP: "100000", LOGIN_LIMIT_PER_ACCOUNT: "100000" },
    log,
  });
  if (!stack.gatewayUrl) {
    await stack.stop();
    throw new Error("bench:chat needs the project's gateway (stack.json has no gatewayUrl).");
  }
  // The bench signs session cookies with the stack's own AUTH_SECRET.
  const secrets = { ...(await readSecrets(stack.dataDir)), ...process.env };
  if (!secrets.AUTH_SECRET) {
    await stack.stop();
    throw new Error(`bench:chat needs AUTH_SECRET (set it, or keep the file under ${stack.dataDir}).`);
  }
  return { ...stack, gatewayPort: Number(new URL(stack.gatewayUrl).port), authSecret: secrets.AUTH_SECRET };
}
