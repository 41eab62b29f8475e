/**
 * The e2e environment: the fake ChakraHQ server, a fresh n8n with the packed package installed as a
 * community package, an owner, an API key, the Chakra credential and the workflows imported.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { N8nClient } from '../../../scripts/lib/api';
import type { Cleanup } from '../../../scripts/lib/cleanup';

// The queue and compat suites import Cleanup from here.
export { Cleanup } from '../../../scripts/lib/cleanup';
import {
	freePort,
	LOOPBACK,
	readPackageManifest,
	REPO_ROOT,
	type N8nServer,
	type PackageManifest,
} from '../../../scripts/lib/n8n';
import { startSession } from '../../../scripts/lib/session';
import {
	DEMO_WEBHOOK_SECRET,
	EXAMPLES_DIR,
	importChakraCredential,
	importOpenAiCredential,
	importWorkflows,
	workflowFilesIn,
	type WorkflowFile,
} from '../../../scripts/lib/workflows';
import { FakeChakra } from '../../fake-chakra';
import { FAKE_MODEL_API_KEY, FakeModel } from '../../fake-model';

export const E2E_DIR = path.resolve(__dirname, '..');
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');
export const NODE_WORKFLOWS_DIR = path.join(E2E_DIR, 'workflows');
export const PACKAGE_NAME = 'n8n-nodes-chakrahq';

export const E2E_OWNER = {
	email: 'e2e@chakrahq.local',
	password: 'ChakraE2e12345',
	firstName: 'Chakra',
	lastName: 'E2E',
};

export interface E2eEnv {
	server: N8nServer;
	client: N8nClient;
	fake: FakeChakra;
	/** The scripted OpenAI-compatible model of the AI Agent workflows (the main suite starts it). */
	model?: FakeModel;
	manifest: PackageManifest;
	/** Files listed in package.json `n8n` that the build did not produce. */
	missingDistFiles: string[];
	webhookSecret: string;
	examples: WorkflowFile[];
	nodeWorkflows: WorkflowFile[];
	userFolder: string;
}

export function log(line: string): void {
	console.log(`[e2e] ${line}`);
}

export async function setUpEnvironment(cleanup: Cleanup): Promise<E2eEnv> {
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const fake = await FakeChakra.start({ host: LOOPBACK });
	cleanup.add('fake ChakraHQ', () => fake.stop());
	log(`fake ChakraHQ on ${fake.baseUrl}`);
	const model = await FakeModel.start(LOOPBACK);
	cleanup.add('fake model', () => model.stop());
	log(`fake OpenAI-compatible model on ${model.apiUrl}`);

	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chakra-e2e-n8n-'));
	cleanup.add('user folder', async () => {
		if (process.env.CHAKRA_E2E_KEEP !== '1')
			fs.rmSync(userFolder, { recursive: true, force: true });
	});
	const port = Number(process.env.CHAKRA_E2E_PORT ?? (await freePort()));
	const session = await startSession({
		userFolder,
		fresh: true,
		port,
		encryptionKey: randomBytes(24).toString('hex'),
		owner: E2E_OWNER,
		log,
		cleanup,
	});
	const { server, client } = session;
	cleanup.add('n8n log', async () =>
		fs.writeFileSync(path.join(ARTIFACTS_DIR, 'n8n.log'), server.output()),
	);
	await client.createApiKey('e2e');

	await importChakraCredential(server, {
		accessToken: fake.token,
		baseUrl: fake.baseUrl,
		webhookSecret: DEMO_WEBHOOK_SECRET,
	});
	await importOpenAiCredential(server, model.apiUrl, FAKE_MODEL_API_KEY);
	const examples = workflowFilesIn(EXAMPLES_DIR);
	const nodeWorkflows = workflowFilesIn(NODE_WORKFLOWS_DIR);
	await importWorkflows(server, [...examples, ...nodeWorkflows]);
	log(
		`imported the credential, ${examples.length} examples and ${nodeWorkflows.length} node workflows`,
	);

	return {
		server,
		client,
		fake,
		model,
		manifest: readPackageManifest(),
		missingDistFiles: session.missingDistFiles,
		webhookSecret: DEMO_WEBHOOK_SECRET,
		examples,
		nodeWorkflows,
		userFolder,
	};
}

export function relativeToRepo(file: string): string {
	return path.relative(REPO_ROOT, file);
}
