import { readFileSync } from "node:fs";
import net from "node:net";

/**
 * Ports for throwaway stacks (tests, benches, the fault suite) come from below
 * the kernel's ephemeral range. Port 0 hands out an ephemeral port, and between
 * our probe and the service binding it, an outgoing connection of anyone on the
 * machine could take it (seen as EADDRINUSE on bench:links). Below that range
 * only a listener can take a port, and listeners are what we probe for.
 */
const LOWEST_PORT = 20_000;
const handedOut = new Set<number>();

/** The first ephemeral port (Linux: /proc; elsewhere the IANA range starts at 49152, Linux's default at 32768). */
function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/);
    const port = Number(low);
    if (Number.isInteger(port) && port > LOWEST_PORT + 1_000) return port;
  } catch {
    // not Linux
  }
  return 32_768;
}

/** A free TCP port on loopback below the ephemeral range, never the same one twice in a process. */
export async function findFreePort(): Promise<number> {
  const top = ephemeralRangeStart();
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (top - LOWEST_PORT));
    if (handedOut.has(port) || !(await isPortFree(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new StackError(`No free port found between ${LOWEST_PORT} and ${top}.`);
}

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Fails with a message that names the part, the port and the variable that moves it. */
export async function assertPortFree(port: number, part: string, envVar: string): Promise<void> {
  if (await isPortFree(port)) return;
  throw new StackError(
    `Port ${port} (${part}) is already in use. Stop whatever is using it, or choose another port: ${envVar}=<port> npm start`,
  );
}

/** A startup failure the user can fix; printed without a stack trace. */
export class StackError extends Error {
  override readonly name = "StackError";
}
