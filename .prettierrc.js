/**
 * The formatting of n8n-nodes-starter (the settings of @n8n/node-cli's template), checked in CI with
 * `npm run format:check`; `npm run format` rewrites the files.
 */
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
};
