import { format } from 'node:util';

import { forgetDeliveries } from '../../nodes/ChakraTrigger/duplicates';
import { shutdownEngine } from './index';

/**
 * Secrets that must never be printed by anything the suite runs: the fake server's default access
 * token (every engine test uses it) and the signing secrets the trigger and fuzz tests use.
 */
const SENTINELS = ['test-token-chakra', 'whsec-sentinel-chakra', 'team-secret-for-tests'];
const leaks: string[] = [];

for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
	const original = console[method].bind(console);
	console[method] = (...args: unknown[]) => {
		const text = format(...args);
		for (const sentinel of SENTINELS)
			if (text.includes(sentinel)) leaks.push(`console.${method}: ${text.slice(0, 200)}`);
		original(...args);
	};
}

// Each test starts with a trigger that has seen no delivery (duplicates are remembered per process).
beforeEach(() => forgetDeliveries());

afterAll(() => {
	// n8n-core starts a 60 s interval in its SSH clients manager; stop it so jest exits by itself.
	shutdownEngine();
	if (leaks.length > 0)
		throw new Error(`A secret was printed during this test file:\n${leaks.join('\n')}`);
});
