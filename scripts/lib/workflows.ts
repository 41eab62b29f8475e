/**
 * Example workflows and the Chakra credential, imported with the n8n CLI (dev/demo and e2e share them).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { importIntoN8n, REPO_ROOT, type N8nServer } from './n8n';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The credential every example and e2e workflow refers to (by this id and name). */
export const DEMO_CREDENTIAL = {
	id: 'chakraDemoCredential',
	name: 'Chakra API (demo)',
	type: 'chakraApi',
};

/** Signing secret of the demo credential (the fake server and scripts/send-webhook.ts sign with it). */
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret';

export interface ChakraCredentialData {
	accessToken: string;
	baseUrl: string;
	webhookSecret?: string;
}

export interface WorkflowFile {
	file: string;
	id: string;
	name: string;
	nodes: { name: string; type: string; parameters: Record<string, unknown>; webhookId?: string }[];
}

/** Reads a workflow JSON file (an exported n8n workflow with a fixed `id`). */
export function readWorkflowFile(file: string): WorkflowFile {
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<WorkflowFile, 'file'>;
	if (!workflow.id)
		throw new Error(`${file} has no "id": give every committed workflow a fixed id`);
	return { ...workflow, file };
}

/** The *.json files of a folder, sorted by name. */
export function workflowFilesIn(dir: string): WorkflowFile[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => readWorkflowFile(path.join(dir, name)));
}

function writeTemporaryJson(name: string, content: unknown): string {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chakra-n8n-')), name);
	fs.writeFileSync(file, JSON.stringify(content, null, 2));
	return file;
}

/** Imports (or overwrites, same id) a Chakra API credential with `n8n import:credentials`. */
export async function importChakraCredential(
	server: Pick<N8nServer, 'env' | 'binary'>,
	data: ChakraCredentialData,
	credential: { id: string; name: string } = DEMO_CREDENTIAL,
): Promise<void> {
	const file = writeTemporaryJson('credentials.json', [
		{ ...credential, type: DEMO_CREDENTIAL.type, data },
	]);
	try {
		await importIntoN8n(server, 'credentials', file);
	} finally {
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	}
}

/** The OpenAI credential of the AI example: n8n's OpenAI Chat Model talks to the fake model through its Base URL. */
export const DEMO_OPENAI_CREDENTIAL = {
	id: 'openAiDemoCredential',
	name: 'OpenAI (demo: fake model)',
	type: 'openAiApi',
};

/** Imports (or overwrites) the OpenAI credential pointing at `apiUrl` (e.g. http://127.0.0.1:5691/v1). */
export async function importOpenAiCredential(
	server: Pick<N8nServer, 'env' | 'binary'>,
	apiUrl: string,
	apiKey: string,
): Promise<void> {
	const file = writeTemporaryJson('credentials.json', [
		{ ...DEMO_OPENAI_CREDENTIAL, data: { apiKey, url: apiUrl } },
	]);
	try {
		await importIntoN8n(server, 'credentials', file);
	} finally {
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	}
}

/** Imports workflow files (same id overwrites) with one `n8n import:workflow --separate` call. */
export async function importWorkflows(
	server: Pick<N8nServer, 'env' | 'binary'>,
	workflows: WorkflowFile[],
): Promise<void> {
	if (workflows.length === 0) return;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chakra-n8n-workflows-'));
	try {
		for (const workflow of workflows)
			fs.copyFileSync(workflow.file, path.join(dir, path.basename(workflow.file)));
		await importIntoN8n(server, 'workflow', dir, ['--separate']);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
