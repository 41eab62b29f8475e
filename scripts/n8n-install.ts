/**
 * npm run n8n:install: installs n8n@2.8.4 into the cache folder once (see docs/e2e.md).
 * Exits non-zero with the reason when the install fails.
 */
import { ensureN8nInstalled } from './lib/n8n-install';

ensureN8nInstalled().then(
	(binary) => console.log(`n8n binary: ${binary}`),
	(err: Error) => {
		console.error(`n8n install failed: ${err.message}`);
		process.exit(1);
	},
);
