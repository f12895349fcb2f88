import { findFreePort } from "./ports";
import { createStack, type Stack, type StackOptions } from "./stack";

/** Four free ports for a stack's web, gateway, Postgres and Redis. */
export async function findFreeStackPorts(): Promise<StackOptions["ports"]> {
  return { web: await findFreePort(), gateway: await findFreePort(), postgres: await findFreePort(), redis: await findFreePort() };
}

/**
 * The stack the tests and benches run against: its own Postgres, Redis and
 * gateway on free ports, nothing kept on disk, and the production build in
 * `.next-test` so it never disturbs `npm start`'s.
 */
export async function createThrowawayStack(options: Pick<StackOptions, "root" | "dataDir" | "env" | "profileDir" | "log">): Promise<Stack> {
  return createStack({ ...options, ports: await findFreeStackPorts(), externalRealtime: false, persistent: false, dev: false, distDir: ".next-test" });
}
