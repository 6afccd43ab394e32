# The console only; Kafka and the registry come from docker-compose.yml (or your own cluster).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall applies these (patch-package): they must be there before it runs.
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app ./
EXPOSE 3000
# Inside a container the console must listen on all interfaces; publish the port to 127.0.0.1 only
# (as docker-compose.yml does) until sign-in exists.
CMD ["npx", "next", "start", "--hostname", "0.0.0.0", "--port", "3000"]
