/**
 * One n8n "session" as dev, demo and e2e use it: pack this package, install it as a community package
 * into a user folder, start n8n on 127.0.0.1 and make sure an owner account exists (logged in).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8nClient, type OwnerLogin } from './api';
import type { Cleanup } from './cleanup';
import { ensureN8nInstalled } from './n8n-install';
import { buildAndPack, freePort, installCommunityPackage, startN8n, type N8nServer } from './n8n';

type Log = (line: string) => void;

export interface SessionOptions {
	userFolder: string;
	/** Delete the user folder first (e2e). */
	fresh: boolean;
	port: number;
	encryptionKey: string;
	owner: OwnerLogin;
	log: Log;
	/** Echo n8n's own log lines (dev, demo). */
	echo?: boolean;
	/** Stoppers of what the session starts (n8n) are registered here. */
	cleanup: Cleanup;
}

export interface Session {
	server: N8nServer;
	client: N8nClient;
	owner: OwnerLogin;
	/** True when this run created the owner account. */
	ownerCreated: boolean;
	/** Files listed in package.json n8n.nodes / n8n.credentials that the build did not produce. */
	missingDistFiles: string[];
	tarball: string;
}

const OWNER_FILE = 'owner-login.json';

/** The owner login kept in the user folder (dev keeps its folder between runs). */
function rememberedOwner(userFolder: string): OwnerLogin | undefined {
	const file = path.join(userFolder, OWNER_FILE);
	return fs.existsSync(file)
		? (JSON.parse(fs.readFileSync(file, 'utf8')) as OwnerLogin)
		: undefined;
}

function rememberOwner(userFolder: string, owner: OwnerLogin): void {
	fs.writeFileSync(path.join(userFolder, OWNER_FILE), `${JSON.stringify(owner, null, 2)}\n`, {
		mode: 0o600,
	});
}

/** Creates the owner on a fresh instance, otherwise logs in with the remembered (or given) login. */
async function ensureOwner(
	client: N8nClient,
	userFolder: string,
	wanted: OwnerLogin,
): Promise<{ owner: OwnerLogin; created: boolean }> {
	if (await client.needsOwnerSetup()) {
		await client.setupOwner(wanted);
		rememberOwner(userFolder, wanted);
		return { owner: wanted, created: true };
	}
	const owner = rememberedOwner(userFolder) ?? wanted;
	await client.login(owner.email, owner.password);
	return { owner, created: false };
}

export async function startSession(options: SessionOptions): Promise<Session> {
	const { userFolder, log } = options;
	await ensureN8nInstalled(log);
	if (options.fresh) fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });

	const { tarball, missing } = await buildAndPack(path.join(userFolder, 'pack'), log);
	if (missing.length > 0) {
		log(
			`WARNING: package.json lists files the build did not produce; packed without them:\n  ${missing.join('\n  ')}`,
		);
	}
	await installCommunityPackage(userFolder, tarball, log);

	log(`Starting n8n on http://127.0.0.1:${options.port} (user folder ${userFolder}) ...`);
	const server = await startN8n({
		settings: {
			userFolder,
			port: options.port,
			brokerPort: await freePort(),
			encryptionKey: options.encryptionKey,
		},
		log,
		echo: options.echo,
		cleanup: options.cleanup,
	});
	const client = await N8nClient.connect(server.baseUrl);
	const { owner, created } = await ensureOwner(client, userFolder, options.owner);
	return { server, client, owner, ownerCreated: created, missingDistFiles: missing, tarball };
}
