import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// Deadlines for a test or hook that hangs, not measures of speed: a busy 2-core machine runs the
		// CPU-bound ones (ingest fuzz, eval, building a bundle in beforeAll) several times slower.
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// Ink draws nothing until exit when it believes it runs in CI (is-in-ci reads CI when ink is
		// first imported), and the dashboard tests render into fake terminals: they must see frames
		// on a CI machine too. Tests that want the CI behaviour set CI for the process they spawn.
		env: {CI: 'false', CONTINUOUS_INTEGRATION: 'false'},
	},
});
