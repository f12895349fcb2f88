import { notFound } from "next/navigation";

/**
 * A code-shaped path with no link behind it. Hits never get here: the
 * self-hosted listener answers them before Next, and proxy.ts on Vercel
 * (server/web/next-route.ts, proxyRoute). The answer is ./not-found.tsx, with
 * status 404, inside the app's layout.
 */
export default function ShortLinkMissing(): never {
  notFound();
}
