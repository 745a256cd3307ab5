import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // The users' time zone, with its clock changes, for every test and every CLI a test spawns
    // (date arithmetic once lost a day across the spring change there); dates.test.ts tries others.
    env: { TZ: 'Europe/Paris' },
  },
});
