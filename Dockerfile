# syntax=docker/dockerfile:1
# LedgerSync: one image, three commands (server.js, worker.js, migrate.js); docs/DEPLOY.md.
# `npm run prove:production` (CI) runs the same build and production install without Docker.

ARG NODE_IMAGE=node:20-bookworm-slim

# Build: every dependency (the Prisma CLI generates the client), then `npm run build` writes dist/:
# the three bundles, the migrations and the deploy manifest (package.json + pruned package-lock.json).
FROM ${NODE_IMAGE} AS build
WORKDIR /repo
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

# Runtime: production dependencies of the bundles only (no workspace, CLI, emulator or test package).
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /repo/dist/package.json /repo/dist/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /repo/dist/ ./
USER node
EXPOSE 3000
# The server's /healthz by default; a worker container sets HEALTHCHECK_URL to its own listener.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(process.env.HEALTHCHECK_URL || `http://127.0.0.1:${process.env.PORT || 3000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "server.js"]
