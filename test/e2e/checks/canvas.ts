/**
 * A workflow holding every Chakra node n8n knows, opened in the editor in headless Chromium: the
 * canvas renders every node, and a screenshot goes to test/e2e/artifacts/canvas.png
 * (CHAKRA_E2E_UPDATE_DOCS_IMAGE=1 also copies it to docs/images/canvas.png for the README); and an
 * example runs from the editor's "Execute workflow" button, as in `npm run demo`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import { REPO_ROOT } from '../../../scripts/lib/n8n';
import { run } from '../../../scripts/lib/process';
import {
	DEMO_CREDENTIAL,
	importWorkflows,
	type WorkflowFile,
} from '../../../scripts/lib/workflows';
import { ARTIFACTS_DIR, E2E_OWNER, log, type E2eEnv } from '../lib/env';
import type { Report } from '../lib/report';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
];
const CANVAS_WORKFLOW_ID = 'e2eAllChakraNodes';
/** The example a newcomer runs from the editor in the demo. */
const EDITOR_EXAMPLE_ID = 'exBulkUpdateWait';

interface ChakraNodeType {
	name: string;
	displayName: string;
	group?: string[];
	/** Kept for saved workflows, not in the nodes panel (the old chakraTrigger type name). */
	hidden?: boolean;
}

/** Installs Debian's chromium when it is missing (CI machines start without it). */
export async function ensureChromium(): Promise<void> {
	if (fs.existsSync(CHROMIUM)) return;
	log('chromium is missing: apt-get install -y chromium ...');
	const update = await run('apt-get', ['update'], { timeoutMs: 600_000 });
	if (update.code !== 0) throw new Error(`apt-get update failed:\n${update.stderr.slice(-2000)}`);
	const install = await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		timeoutMs: 900_000,
	});
	if (install.code !== 0 || !fs.existsSync(CHROMIUM))
		throw new Error(`apt-get install chromium failed:\n${install.stderr.slice(-2000)}`);
}

/** Parameters of the first node of each type in the e2e node workflows (so the canvas shows configured nodes). */
function configuredParameters(env: E2eEnv): Map<string, Record<string, unknown>> {
	const byType = new Map<string, Record<string, unknown>>();
	for (const node of env.nodeWorkflows.flatMap((workflow) => workflow.nodes))
		if (!byType.has(node.type)) byType.set(node.type, node.parameters);
	return byType;
}

/** One workflow with every Chakra node type (triggers first, action nodes in a row after it). */
function canvasWorkflow(
	nodeTypes: ChakraNodeType[],
	parameters: Map<string, Record<string, unknown>>,
): object {
	const triggers = nodeTypes.filter(
		(type) => type.group?.includes('trigger') && !type.name.endsWith('Tool'),
	);
	const actions = nodeTypes.filter(
		(type) => !type.group?.includes('trigger') && !type.name.endsWith('Tool'),
	);
	const credentials = { chakraApi: { id: DEMO_CREDENTIAL.id, name: DEMO_CREDENTIAL.name } };
	const nodes = [
		...triggers.map((type, index) => ({
			parameters: parameters.get(type.name) ?? {},
			name: type.displayName,
			type: type.name,
			typeVersion: 1,
			position: [0, index * 200],
			webhookId: '8d6e2f7a-0c4b-4f1e-9a3d-5b7c9e1f2a40',
			credentials,
		})),
		...actions.map((type, index) => ({
			parameters: parameters.get(type.name) ?? {},
			name: type.displayName,
			type: type.name,
			typeVersion: 1,
			position: [280 + index * 240, 0],
			credentials,
		})),
	];
	const connections: Record<string, { main: { node: string; type: string; index: number }[][] }> =
		{};
	const chain = [...triggers.slice(0, 1), ...actions].map((type) => type.displayName);
	for (let index = 0; index < chain.length - 1; index++)
		connections[chain[index]] = { main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] };
	return {
		id: CANVAS_WORKFLOW_ID,
		name: 'Every Chakra node',
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
	};
}

async function importCanvasWorkflow(env: E2eEnv, nodeTypes: ChakraNodeType[]): Promise<void> {
	const file = path.join(ARTIFACTS_DIR, 'every-chakra-node.json');
	fs.writeFileSync(
		file,
		JSON.stringify(canvasWorkflow(nodeTypes, configuredParameters(env)), null, 2),
	);
	await importWorkflows(env.server, [
		{ file, id: CANVAS_WORKFLOW_ID, name: 'Every Chakra node', nodes: [] },
	]);
}

/** Runs `body` with an editor page logged in through the sign-in form; other hosts are unreachable. */
async function withEditorPage(env: E2eEnv, body: (page: Page) => Promise<void>): Promise<void> {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
	try {
		const page = await browser.newPage({
			viewport: { width: 1600, height: 800 },
			deviceScaleFactor: 1,
		});
		await page.route(
			(url) =>
				!url.href.startsWith(env.server.baseUrl) &&
				!url.href.startsWith('data:') &&
				!url.href.startsWith('blob:'),
			(route) => route.abort(),
		);
		await page.goto(`${env.server.baseUrl}/signin`);
		await page.locator('input[type="email"]').fill(E2E_OWNER.email);
		await page.locator('input[type="password"]').fill(E2E_OWNER.password);
		await page
			.locator('button[type="submit"], [data-test-id="form-submit-button"]')
			.first()
			.click();
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 60_000 });
		await body(page);
	} finally {
		await browser.close();
	}
}

async function openWorkflow(
	env: E2eEnv,
	page: Page,
	workflowId: string,
	nodeNames: string[],
): Promise<void> {
	await page.goto(`${env.server.baseUrl}/workflow/${workflowId}`);
	for (const name of nodeNames) {
		await page
			.locator(`[data-test-id="canvas-node"][data-node-name="${name}"], [data-name="${name}"]`)
			.first()
			.waitFor({ timeout: 60_000 });
	}
}

/** Opens the workflow, waits for every node, screenshots. */
async function screenshotCanvas(env: E2eEnv, expectedNodes: string[], file: string): Promise<void> {
	await withEditorPage(env, async (page) => {
		await openWorkflow(env, page, CANVAS_WORKFLOW_ID, expectedNodes);
		await page.waitForTimeout(1_000);
		await page.screenshot({ path: file });
	});
}

/**
 * What a newcomer does in `npm run demo`: opens an example and clicks "Execute workflow" (a manual
 * run inside the n8n server, results pushed to the editor). Every node must end with its success mark.
 */
async function executeInEditor(env: E2eEnv, workflow: WorkflowFile, file: string): Promise<void> {
	await withEditorPage(env, async (page) => {
		const names = workflow.nodes.map((node) => node.name);
		await openWorkflow(env, page, workflow.id, names);
		await page.locator('[data-test-id="execute-workflow-button"]').first().click();
		const succeeded = page.locator('[data-test-id="canvas-node-status-success"]');
		const deadline = Date.now() + 90_000;
		while ((await succeeded.count()) < names.length) {
			if (Date.now() > deadline) {
				await page.screenshot({ path: file });
				throw new Error(
					`${await succeeded.count()} of ${names.length} nodes show success after 90 s; see ${path.relative(REPO_ROOT, file)}`,
				);
			}
			await page.waitForTimeout(500);
		}
		await page.screenshot({ path: file });
	});
}

export async function checkCanvas(
	env: E2eEnv,
	report: Report,
	chakraNodeTypes: ChakraNodeType[],
): Promise<void> {
	// What the nodes panel offers: no Tool variants, no hidden types (chakraTrigger shares its display name with chakraWhatsAppTrigger).
	const shown = chakraNodeTypes.filter((type) => !type.name.endsWith('Tool') && !type.hidden);
	const nodeTypes = shown.filter(
		(type, index) => shown.findIndex((other) => other.displayName === type.displayName) === index,
	);
	await report.check(
		`canvas: a workflow with every Chakra node (${nodeTypes.length}) renders in the editor (headless Chromium)`,
		async () => {
			if (nodeTypes.length === 0) throw new Error('n8n knows no Chakra node type');
			await ensureChromium();
			await importCanvasWorkflow(env, nodeTypes);
			const file = path.join(ARTIFACTS_DIR, 'canvas.png');
			await screenshotCanvas(
				env,
				nodeTypes.map((type) => type.displayName),
				file,
			);
			if (fs.statSync(file).size < 10_000) throw new Error(`${file} is suspiciously small`);
			if (process.env.CHAKRA_E2E_UPDATE_DOCS_IMAGE === '1') {
				fs.mkdirSync(path.join(REPO_ROOT, 'docs', 'images'), { recursive: true });
				fs.copyFileSync(file, path.join(REPO_ROOT, 'docs', 'images', 'canvas.png'));
			}
			log(`canvas screenshot: ${path.relative(REPO_ROOT, file)}`);
		},
	);
	await report.check(
		`editor: example ${EDITOR_EXAMPLE_ID} runs from the "Execute workflow" button and every node succeeds`,
		async () => {
			const example = env.examples.find((workflow) => workflow.id === EDITOR_EXAMPLE_ID);
			if (!example) throw new Error(`examples/ has no workflow ${EDITOR_EXAMPLE_ID}`);
			await ensureChromium();
			env.fake.reset();
			await executeInEditor(env, example, path.join(ARTIFACTS_DIR, 'editor-execution.png'));
			if (env.fake.requestsFor('C49').length !== 1)
				throw new Error('the bulk update (C49) was not sent exactly once');
		},
	);
}
