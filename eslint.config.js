// Lint: ESLint's and typescript-eslint's recommended rules and React's rules of hooks; formatting is
// Prettier's alone (eslint-config-prettier turns off the rules it owns).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: globals.node},
		plugins: {'react-hooks': reactHooks},
		rules: {
			// The hooks rules that catch bugs; the React Compiler's rules are for code it compiles.
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
			// Matching control characters is the point of the sanitisers and their tests.
			'no-control-regex': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true},
			],
		},
	},
	prettier,
);
