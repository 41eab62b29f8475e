/**
 * npm run dev: build, pack and install this package as a community package into .n8n-dev/ (kept
 * between runs; CHAKRA_DEV_FRESH=1 starts over), start n8n on http://127.0.0.1:5678 and print the
 * login. Ctrl-C stops everything it started. See docs/e2e.md.
 */
import * as path from 'node:path';

import { Cleanup } from './lib/cleanup';
import { REPO_ROOT } from './lib/n8n';
import { startSession, type Session } from './lib/session';

export const DEV_OWNER = {
	email: 'dev@chakrahq.local',
	password: 'ChakraDev123',
	firstName: 'Chakra',
	lastName: 'Developer',
};

export interface DevSettings {
	userFolder: string;
	port: number;
	fresh: boolean;
	encryptionKey: string;
}

/** Settings from the environment (documented in docs/e2e.md). */
export function devSettings(defaultFolder = '.n8n-dev'): DevSettings {
	return {
		userFolder: path.resolve(REPO_ROOT, process.env.CHAKRA_DEV_USER_FOLDER ?? defaultFolder),
		port: Number(process.env.CHAKRA_DEV_PORT ?? 5678),
		fresh: process.env.CHAKRA_DEV_FRESH === '1',
		// Fixed so that the kept user folder's credentials stay readable between runs (local only).
		encryptionKey: process.env.N8N_ENCRYPTION_KEY ?? 'n8n-nodes-chakrahq-local-dev-key',
	};
}

export function log(line: string): void {
	process.stdout.write(`[chakra] ${line}\n`);
}

/** Starts the session; Ctrl-C at any point (also while starting) stops what was started. */
export async function startDevSession(settings: DevSettings, cleanup: Cleanup): Promise<Session> {
	const session = await startSession({
		...settings,
		owner: DEV_OWNER,
		log,
		cleanup,
		echo: process.env.CHAKRA_DEV_QUIET !== '1',
	});
	session.server.process.once('exit', (code) => {
		log(`n8n exited (code ${code})`);
		void cleanup.run().then(() => process.exit(code === 0 ? 0 : 1));
	});
	return session;
}

export function printLogin(session: Session): void {
	const { owner } = session;
	log('');
	log(`n8n is running: ${session.server.baseUrl}`);
	log(
		`${session.ownerCreated ? 'Owner account created' : 'Log in'}: ${owner.email} / ${owner.password}`,
	);
	if (session.missingDistFiles.length > 0)
		log(`Not built yet (so not in n8n): ${session.missingDistFiles.join(', ')}`);
	log('Press Ctrl-C to stop.');
}

/** Runs a dev-style script: failures stop what was started and exit 1. */
export function runScript(name: string, body: (cleanup: Cleanup) => Promise<void>): void {
	const cleanup = new Cleanup();
	cleanup.runOnSignals(log, 0);
	body(cleanup).catch(async (error: Error) => {
		log(`${name} failed: ${error.message}`);
		await cleanup.run();
		process.exit(1);
	});
}

if (require.main === module) {
	runScript('npm run dev', async (cleanup) => {
		printLogin(await startDevSession(devSettings(), cleanup));
	});
}
