/**
 * npm run test:e2e:compat: the core of the e2e suite against several n8n versions in turn, by default
 * the n8n users run (2.41.1), 2.8.4 and 1.123.81, the newest 1.x (CHAKRA_COMPAT_N8N_VERSIONS="2.41.1,1.123.81" picks).
 * All run on Node.js 24 (n8n 2.41 requires it; 2.8.4 and 1.123.81 accept 20 to 24).
 *
 * Per version: install n8n into its own cache folder (once), pack this package and install it as a
 * community package, start n8n on loopback (SQLite), then
 *   - every node type of package.json `n8n.nodes` (and its Tool variant) and the credential are loaded
 *     (test/e2e/checks/node-types.ts), the credential test works (test/e2e/checks/credential.ts);
 *   - one workflow per action node runs headless (`n8n execute --id`) against the fake ChakraHQ;
 *   - Send Template runs through the node's own routing with `{{ $json.field }}` references and with
 *     computed expressions: the exact C2 requests per item;
 *   - the Chakra Trigger registers, receives signed deliveries, refuses unsigned ones and restores the
 *     plugin configuration (test/e2e/checks/trigger.ts).
 * Last line: `N passed, M failed`; exit code 1 when a check failed. Every process it starts is stopped.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8nClient, type N8nExecution } from '../../scripts/lib/api';
import {
	buildAndPack,
	freePort,
	installCommunityPackage,
	LOOPBACK,
	n8nEnvironment,
	readPackageManifest,
} from '../../scripts/lib/n8n';
import {
	ensureN8nInstalled,
	isN8nInstalled,
	n8nBinary,
	N8N_VERSION,
	requiredNodeMajor,
} from '../../scripts/lib/n8n-install';
import {
	DEMO_WEBHOOK_SECRET,
	importChakraCredential,
	importWorkflows,
	workflowFilesIn,
	type WorkflowFile,
} from '../../scripts/lib/workflows';
import { checkCredential } from '../e2e/checks/credential';
import { checkNodeTypes } from '../e2e/checks/node-types';
import { checkTrigger } from '../e2e/checks/trigger';
import { Cleanup, E2E_OWNER, NODE_WORKFLOWS_DIR, type E2eEnv } from '../e2e/lib/env';
import { executeWithCli, expectSuccess, nodeOutput } from '../e2e/lib/execute';
import { Report } from '../e2e/lib/report';
import { FAKE_IDS, FakeChakra } from '../fake-chakra';
import { startN8nProcess } from '../e2e-queue/lib/n8n-process';
import { runSuite } from '../e2e-queue/lib/suite';

const COMPAT_DIR = __dirname;
const ARTIFACTS_DIR = path.join(COMPAT_DIR, 'artifacts');
const COMPAT_WORKFLOWS_DIR = path.join(COMPAT_DIR, 'workflows');
/** The n8n users run (scripts/lib/n8n-install.ts), the last 2.x before the Node 24 requirement, and the last 1.x line. */
const DEFAULT_VERSIONS = [N8N_VERSION, '2.8.4', '1.123.81'];

function log(line: string): void {
	console.log(`[e2e-compat] ${line}`);
}

interface CompatWorkflowMeta {
	meta?: {
		expectCid?: string;
		node?: string;
		sendTemplate?: { nodes: string[]; template: string; language: string };
	};
}

/** The recipients of test/e2e-compat/workflows/07-whatsapp-send-template-coded.json's Code node. */
const SEND_TEMPLATE_RECIPIENTS = [
	{ phone: '919800000001', name: ' Asha ', discount: '10%' },
	{ phone: '919800000002', name: 'Ravi', discount: '15%' },
	{ phone: '919800000003', name: 'Meera Iyer', discount: '20%' },
];

/**
 * The message operations run their own routing (nodes/shared/codedRouting.ts), not n8n's RoutingNode:
 * each n8n version must send exactly the C2 request per item, for `{{ $json.field }}` references (read
 * from the item) and for computed expressions (evaluated by n8n), and output one item per recipient.
 */
function checkSendTemplate(
	fake: FakeChakra,
	execution: N8nExecution,
	meta: { nodes: string[]; template: string; language: string },
): void {
	const [byField, computed] = meta.nodes;
	const expected = (node: string) =>
		SEND_TEMPLATE_RECIPIENTS.map(({ phone, name, discount }) => ({
			path: `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/phoneNumber/${phone}/send-template-message`,
			body: {
				whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
				templateName: meta.template,
				language: meta.language,
				mapping: [
					{ schemaPropertyName: '1', schemaPropertyValue: node === computed ? name.trim() : name },
					{ schemaPropertyName: '2', schemaPropertyValue: discount },
				],
				headerMapping: [{ schemaPropertyName: '1', schemaPropertyValue: '2024' }],
			},
		}));
	const sent = fake.requestsFor('C2').map((request) => ({
		path: request.path,
		body: request.body,
		authorization: request.headers.authorization,
	}));
	for (const request of sent) {
		if (request.authorization !== `Bearer ${fake.token}`)
			throw new Error(`Authorization was ${request.authorization}`);
	}
	const canonical = (list: unknown[]) => list.map((entry) => JSON.stringify(entry)).sort();
	deepStrictEqual(
		canonical(sent.map(({ path, body }) => ({ path, body }))),
		canonical([...expected(byField), ...expected(computed)]),
	);
	for (const node of [byField, computed]) {
		const items = nodeOutput(execution, node);
		if (items.length !== SEND_TEMPLATE_RECIPIENTS.length)
			throw new Error(
				`${node} returned ${items.length} items, expected ${SEND_TEMPLATE_RECIPIENTS.length}`,
			);
	}
}

/** The main e2e's workflows win over the compat copies with the same id (e.g. e2eChakraTrigger). */
function workflowsToImport(): WorkflowFile[] {
	const shared = workflowFilesIn(NODE_WORKFLOWS_DIR);
	const ids = new Set(shared.map((w) => w.id));
	return [...shared, ...workflowFilesIn(COMPAT_WORKFLOWS_DIR).filter((w) => !ids.has(w.id))];
}

interface VersionResult {
	version: string;
	passed: number;
	failed: number;
	failures: string[];
	seconds: number;
	installSeconds: number;
}

async function runVersion(version: string, report: Report): Promise<{ installSeconds: number }> {
	const cleanup = new Cleanup();
	let installSeconds = 0;
	try {
		const installStarted = Date.now();
		const wasInstalled = isN8nInstalled(version);
		await ensureN8nInstalled(log, version);
		if (!wasInstalled) installSeconds = Math.round((Date.now() - installStarted) / 1000);

		const fake = await FakeChakra.start({ host: LOOPBACK });
		cleanup.add('fake ChakraHQ', () => fake.stop());
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `chakra-e2e-compat-${version}-`));
		cleanup.add('user folder', async () => {
			if (process.env.CHAKRA_E2E_KEEP !== '1')
				fs.rmSync(userFolder, { recursive: true, force: true });
		});
		const { tarball, missing } = await buildAndPack(path.join(userFolder, 'pack'), log);
		await installCommunityPackage(userFolder, tarball, log);

		const port = await freePort();
		const settings = {
			userFolder,
			port,
			brokerPort: await freePort(),
			encryptionKey: randomBytes(24).toString('hex'),
		};
		const baseUrl = `http://${LOOPBACK}:${port}`;
		log(`starting n8n ${version} on ${baseUrl} ...`);
		const server = await startN8nProcess({
			name: `n8n-${version}`,
			binary: n8nBinary(version),
			command: 'start',
			settings,
			env: n8nEnvironment(settings, version),
			readinessUrl: `${baseUrl}/healthz/readiness`,
			baseUrl,
			log,
		});
		cleanup.add('n8n', async () => {
			fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
			fs.writeFileSync(path.join(ARTIFACTS_DIR, `n8n-${version}.log`), server.output());
			await server.stop();
		});
		const versionAnswer = (await (await fetch(`${baseUrl}/rest/settings`)).json()) as {
			data?: { versionCli?: string };
		};
		log(`n8n reports version ${versionAnswer.data?.versionCli ?? '(unknown)'}`);

		const client = await N8nClient.connect(baseUrl);
		await client.setupOwner(E2E_OWNER);
		await client.createApiKey('e2e-compat');
		await importChakraCredential(server, {
			accessToken: fake.token,
			baseUrl: fake.baseUrl,
			webhookSecret: DEMO_WEBHOOK_SECRET,
		});
		const workflows = workflowsToImport();
		await importWorkflows(server, workflows);
		log(`imported the credential and ${workflows.length} workflows`);

		const env: E2eEnv = {
			server,
			client,
			fake,
			manifest: readPackageManifest(),
			missingDistFiles: missing,
			webhookSecret: DEMO_WEBHOOK_SECRET,
			examples: [],
			nodeWorkflows: workflows,
			userFolder,
		};

		await report.check(`n8n ${version}: the package loads (no load error in n8n's log)`, () => {
			const problem =
				/(Error loading package|Failed to load|could not be loaded)[^\n]*chakra[^\n]*/i.exec(
					server.output(),
				);
			if (problem) throw new Error(problem[0]);
		});
		await checkNodeTypes(env, report);
		await checkCredential(env, report, requiredNodeMajor(version) >= 24);

		for (const workflow of workflowFilesIn(COMPAT_WORKFLOWS_DIR)) {
			const { meta } = JSON.parse(fs.readFileSync(workflow.file, 'utf8')) as CompatWorkflowMeta;
			const sendTemplate = meta?.sendTemplate;
			if (sendTemplate) {
				await report.check(
					`n8n ${version}: Send Template through the node's own routing, field references and computed expressions (${workflow.name})`,
					async () => {
						fake.clearRequests();
						const execution = await executeWithCli(env, workflow.id);
						expectSuccess(execution);
						checkSendTemplate(fake, execution, sendTemplate);
					},
				);
				continue;
			}
			if (!meta?.expectCid || !meta.node) continue;
			const { expectCid, node } = meta;
			await report.check(`n8n ${version}: ${node} runs headless (${workflow.name})`, async () => {
				fake.clearRequests();
				const execution = await executeWithCli(env, workflow.id);
				expectSuccess(execution);
				const items = nodeOutput(execution, node);
				if (items.length === 0) throw new Error(`${node} returned no items`);
				const requests = fake.requestsFor(expectCid);
				if (requests.length === 0)
					throw new Error(
						`the fake saw no ${expectCid} request (saw: ${fake.requests.map((r) => r.cid ?? r.path).join(', ')})`,
					);
				if (requests[0].headers.authorization !== `Bearer ${fake.token}`)
					throw new Error(`Authorization was ${requests[0].headers.authorization}`);
			});
		}

		await checkTrigger(env, report);
	} catch (error) {
		report.fail(`n8n ${version}: setup`, error);
	} finally {
		await cleanup.run();
	}
	return { installSeconds };
}

async function main(): Promise<number> {
	const versions = (process.env.CHAKRA_COMPAT_N8N_VERSIONS ?? DEFAULT_VERSIONS.join(','))
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	const report = new Report();
	const results: VersionResult[] = [];
	const suiteStarted = Date.now();
	for (const version of versions) {
		console.log(`\n== n8n ${version}`);
		const before = report.results.length;
		const started = Date.now();
		const { installSeconds } = await runVersion(version, report);
		const mine = report.results.slice(before);
		results.push({
			version,
			passed: mine.filter((r) => r.ok).length,
			failed: mine.filter((r) => !r.ok).length,
			failures: mine.filter((r) => !r.ok).map((r) => r.name),
			seconds: Math.round((Date.now() - started) / 1000),
			installSeconds,
		});
	}
	console.log('\ncompatibility:');
	for (const r of results) {
		const install = r.installSeconds > 0 ? `, of which n8n install ${r.installSeconds}s` : '';
		console.log(
			`  n8n ${r.version}: ${r.passed} passed, ${r.failed} failed (${r.seconds}s${install})${r.failures.length ? `\n    failed: ${r.failures.join('\n    failed: ')}` : ''}`,
		);
	}
	console.log(`compat suite: ${Math.round((Date.now() - suiteStarted) / 1000)}s total`);
	console.log(`${report.passed} passed, ${report.failed} failed`);
	return report.failed > 0 ? 1 : 0;
}

runSuite(main);
