// Lint, in two layers on the shipped code (nodes/, credentials/, package.json):
// 1. n8n's own config for community packages, `config` from @n8n/node-cli/eslint (what `n8n-node lint`
//    and n8n Cloud verification check, including the Cloud rules no-restricted-imports/-globals),
//    narrowed from every *.ts file to the shipped ones: tests and scripts may use process, fs and console.
// 2. This repository's stricter set: eslint-plugin-n8n-nodes-base rule sets (community package.json,
//    credentials, nodes) with fewer rules off than n8n's, plus @n8n/eslint-plugin-community-nodes typed.
// `npm run lint` and `npm run lint:n8n` (n8n-node lint) both run this file.
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import { config as n8nNodeCliConfig } from '@n8n/node-cli/eslint';

const { configs } = n8nNodesBase;
const shippedTypeScript = ['nodes/**/*.ts', 'credentials/**/*.ts'];
// package.json is parsed as a TypeScript object literal, as n8n's config and scanner do: the
// @n8n/community-nodes package.json rules (no-overrides-field, no-runtime-dependencies, valid-author...)
// walk an ObjectExpression and silently find nothing in jsonc-eslint-parser's AST.
const packageJsonParsing = { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } };

// ESLint refuses two different plugin objects under one name: node-cli bundles its own
// eslint-plugin-n8n-nodes-base 1.16.7, the repo uses 2.0.0 (the same 132 rules on ESLint 10's API).
function onShippedCode(entry) {
	const scoped = { ...entry };
	if (entry.files?.includes('**/*.ts')) scoped.files = shippedTypeScript;
	if (entry.plugins?.['n8n-nodes-base'])
		scoped.plugins = { ...entry.plugins, 'n8n-nodes-base': n8nNodesBase };
	return scoped;
}

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'coverage/**',
			'test/e2e/artifacts/**',
			'**/*.js',
			'**/*.mjs',
			'.tsbuildinfo/**',
		],
	},
	...n8nNodeCliConfig.map(onShippedCode),
	{
		files: ['package.json'],
		languageOptions: packageJsonParsing,
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...configs.credentials.rules,
			// "Only applicable to nodes in the main repository": a community credential links a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...configs.nodes.rules,
			// Superseded by @n8n/community-nodes/node-connection-type-literal, which asks for
			// NodeConnectionTypes.Main where these older rules ask for the 'main' literal.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['package.json', 'credentials/**/*.ts', 'nodes/**/*.ts'],
		...communityNodes.configs.recommended,
		languageOptions: {},
	},
	{
		files: ['package.json'],
		languageOptions: packageJsonParsing,
	},
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
		languageOptions: {
			parser: tsParser,
			parserOptions: { sourceType: 'module', project: './tsconfig.json' },
		},
	},
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		rules: {},
	},
];
