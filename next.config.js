// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node libraries with dynamic requires or .wasm files next to them: load them from node_modules
  // at run time instead of bundling them into the server build.
  serverExternalPackages: ['kafkajs', '@platformatic/kafka', 'pino', '@kafkajs/confluent-schema-registry', 'quickjs-emscripten-core', '@jitl/quickjs-wasmfile-release-sync'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // A console should not be framed by other sites.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
