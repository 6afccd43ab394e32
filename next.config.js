// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // kafkajs and pino are Node libraries with dynamic requires; keep them out of the server bundle.
  serverExternalPackages: ['kafkajs', 'pino', '@kafkajs/confluent-schema-registry'],
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
