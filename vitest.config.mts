import { defineConfig } from 'vitest/config';
import path from 'node:path';

const alias = {
  '@': path.resolve(__dirname),
  // `server-only` throws outside React Server Components; under Vitest the modules run in plain Node.
  'server-only': path.resolve(__dirname, 'test/server-only-stub.ts'),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', environment: 'node', include: ['lib/**/*.test.ts', 'test/*.test.ts'], exclude: ['**/*.int.test.ts', 'node_modules/**'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
