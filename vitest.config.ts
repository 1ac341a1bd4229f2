import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		// Ink draws nothing until exit when it believes it runs in CI (is-in-ci reads CI when ink is
		// first imported), and the dashboard tests render into fake terminals: they must see frames
		// on a CI machine too. Tests that want the CI behaviour set CI for the process they spawn.
		env: {CI: 'false', CONTINUOUS_INTEGRATION: 'false'},
	},
});
