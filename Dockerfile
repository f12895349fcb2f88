# One image for every process of Casebook: the web app, the worker, the realtime
# gateway and the one-shot migrate-and-seed step (compose.yaml runs each).
# Not built on the machines this project is developed on (they have no Docker
# engine); `npm start` is what runs there.
FROM node:20-bookworm-slim AS base
# ffmpeg: the worker's transcoding (Video); ca-certificates: outgoing TLS (Stripe, link previews).
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

FROM base AS build
# The install's postinstall step generates the Prisma client from the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN NODE_ENV=production node node_modules/next/dist/bin/next build

FROM base
ENV NODE_ENV=production
COPY --from=build --chown=node:node /app /app
# Files (uploads, video renditions) live under /data, a volume web and worker share.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# The web process; compose.yaml gives the worker, gateway and migrate services their own command.
CMD ["node", "--import", "./scripts/node/register.mjs", "server/web/main.ts"]
