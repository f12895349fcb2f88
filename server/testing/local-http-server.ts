import http from "node:http";
import type { AddressInfo } from "node:net";

/** A real HTTP server of a test file, on a port the kernel picked on loopback. */
export type LocalHttpServer = {
  /** "http://127.0.0.1:<port>", no trailing slash. */
  base: string;
  server: http.Server;
  /** Closes keep-alive sockets too, so afterAll does not wait for fetch's idle connections. */
  close: () => Promise<void>;
};

export async function listenLocally(handler: http.RequestListener): Promise<LocalHttpServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
