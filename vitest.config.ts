import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Adapter tests bind loopback ports and spawn processes; two workers match the machine's two cores.
    maxWorkers: 2,
  },
});
