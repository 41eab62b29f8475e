/**
 * npm run test:e2e:compat: the core of the e2e suite against n8n 1.x (CHAKRA_COMPAT_N8N_VERSIONS="1.123.50,2.8.4"
 * runs several in turn). Default 1.123.50: the newest 1.123.x that installs on Node 20. From 1.123.66
 * on, n8n depends on @n8n/expression-runtime -> isolated-vm ^6.2.0, whose engines say Node >= 22 and
 * whose native build fails on Node 20 (v8::SourceLocation), although n8n's own engines say >=20.19.
 *
 * Per version: install n8n into its own cache folder (once), pack this package and install it as a
 * community package, start n8n on loopback (SQLite), then
 *   - every node type of package.json `n8n.nodes` (and its Tool variant) and the credential are loaded
 *     (test/e2e/checks/node-types.ts), the credential test works (test/e2e/checks/credential.ts);
 *   - one workflow per action node runs headless (`n8n execute --id`) against the fake ChakraHQ;
 *   - the Chakra Trigger registers, receives signed deliveries, refuses unsigned ones and restores the
 *     plugin configuration (test/e2e/checks/trigger.ts).
 * Last line: `N passed, M failed`; exit code 1 when a check failed. Every process it starts is stopped.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8nClient } from '../../scripts/lib/api';
import { buildAndPack, freePort, installCommunityPackage, LOOPBACK, n8nEnvironment, readPackageManifest } from '../../scripts/lib/n8n';
import { ensureN8nInstalled, isN8nInstalled, n8nBinary } from '../../scripts/lib/n8n-install';
import { DEMO_WEBHOOK_SECRET, importChakraCredential, importWorkflows, workflowFilesIn, type WorkflowFile } from '../../scripts/lib/workflows';
import { checkCredential } from '../e2e/checks/credential';
import { checkNodeTypes } from '../e2e/checks/node-types';
import { checkTrigger } from '../e2e/checks/trigger';
import { Cleanup, E2E_OWNER, NODE_WORKFLOWS_DIR, type E2eEnv } from '../e2e/lib/env';
import { executeWithCli, expectSuccess, nodeOutput } from '../e2e/lib/execute';
import { Report } from '../e2e/lib/report';
import { FakeChakra } from '../fake-chakra';
import { startN8nProcess } from '../e2e-queue/lib/n8n-process';
import { runSuite } from '../e2e-queue/lib/suite';

const COMPAT_DIR = __dirname;
const ARTIFACTS_DIR = path.join(COMPAT_DIR, 'artifacts');
const COMPAT_WORKFLOWS_DIR = path.join(COMPAT_DIR, 'workflows');
const DEFAULT_VERSIONS = ['1.123.50'];

function log(line: string): void {
	console.log(`[e2e-compat] ${line}`);
}

interface CompatWorkflowMeta {
	meta?: { expectCid?: string; node?: string };
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
			if (process.env.CHAKRA_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true });
		});
		const { tarball, missing } = await buildAndPack(path.join(userFolder, 'pack'), log);
		await installCommunityPackage(userFolder, tarball, log);

		const port = await freePort();
		const settings = { userFolder, port, brokerPort: await freePort(), encryptionKey: randomBytes(24).toString('hex') };
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
		const versionAnswer = (await (await fetch(`${baseUrl}/rest/settings`)).json()) as { data?: { versionCli?: string } };
		log(`n8n reports version ${versionAnswer.data?.versionCli ?? '(unknown)'}`);

		const client = await N8nClient.connect(baseUrl);
		await client.setupOwner(E2E_OWNER);
		await client.createApiKey('e2e-compat');
		await importChakraCredential(server, { accessToken: fake.token, baseUrl: fake.baseUrl, webhookSecret: DEMO_WEBHOOK_SECRET });
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
			const problem = /(Error loading package|Failed to load|could not be loaded)[^\n]*chakra[^\n]*/i.exec(server.output());
			if (problem) throw new Error(problem[0]);
		});
		await checkNodeTypes(env, report);
		await checkCredential(env, report);

		for (const workflow of workflowFilesIn(COMPAT_WORKFLOWS_DIR)) {
			const { meta } = JSON.parse(fs.readFileSync(workflow.file, 'utf8')) as CompatWorkflowMeta;
			if (!meta?.expectCid || !meta.node) continue;
			const { expectCid, node } = meta;
			await report.check(`n8n ${version}: ${node} runs headless (${workflow.name})`, async () => {
				fake.clearRequests();
				const execution = await executeWithCli(env, workflow.id);
				expectSuccess(execution);
				const items = nodeOutput(execution, node);
				if (items.length === 0) throw new Error(`${node} returned no items`);
				const requests = fake.requestsFor(expectCid);
				if (requests.length === 0) throw new Error(`the fake saw no ${expectCid} request (saw: ${fake.requests.map((r) => r.cid ?? r.path).join(', ')})`);
				if (requests[0].headers.authorization !== `Bearer ${fake.token}`) throw new Error(`Authorization was ${requests[0].headers.authorization}`);
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
		console.log(`  n8n ${r.version}: ${r.passed} passed, ${r.failed} failed (${r.seconds}s${install})${r.failures.length ? `\n    failed: ${r.failures.join('\n    failed: ')}` : ''}`);
	}
	console.log(`compat suite: ${Math.round((Date.now() - suiteStarted) / 1000)}s total`);
	console.log(`${report.passed} passed, ${report.failed} failed`);
	return report.failed > 0 ? 1 : 0;
}

runSuite(main);
