# The console as one container: `npm start` (the production server) over the built client.
#   docker build -t im-console .
#   docker run -p 8080:8080 -v im-console-data:/data --env-file im.env im-console
#   docker exec -i <container> npm run operator -- add alice --role admin   (password on stdin)

FROM node:20-slim AS build
# better-sqlite3 has no prebuilt binary for every platform and then compiles with node-gyp.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
# dist/ (the client) and dist-server/ (the server bundled to plain JavaScript: Node 20 cannot run
# TypeScript, and tsx is a devDependency).
RUN npm run build
# Keep the compiled native modules, drop the build tools' packages: the same as `npm ci --omit=dev`
# without compiling better-sqlite3 a second time.
RUN npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    CONSOLE_DB=/data/console.sqlite \
    EMULATOR_DB=/data/emulator.sqlite
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
COPY --from=build /app/server/bin ./server/bin
RUN mkdir -p /data && chown node:node /data
# The image's own unprivileged user; only /data is writable by it.
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Graceful: SIGTERM lets calls in flight finish (SHUTDOWN_TIMEOUT_SECONDS, default 10).
STOPSIGNAL SIGTERM
CMD ["node", "dist-server/main.js"]
