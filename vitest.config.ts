import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // ink renders only the last frame when CI=true; tests need every frame.
    env: { CI: 'false', FORCE_COLOR: '0', NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
