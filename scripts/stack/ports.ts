import net from "node:net";

/** Asks the OS for a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not determine a free port"));
      });
    });
  });
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
