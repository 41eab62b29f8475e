/**
 * npm run test:e2e: the packed package in the real n8n application (docs/e2e.md).
 * Prints one line per check, the duration and n8n's peak memory, and last `N passed, M failed`;
 * exits 1 when anything failed. Every process it starts is stopped, also on failure and Ctrl-C.
 */
import { Cleanup } from '../../scripts/lib/cleanup';
import { megabytes, sampleMemory } from '../../scripts/lib/n8n';
import { checkCanvas } from './checks/canvas';
import { checkCredential } from './checks/credential';
import { checkNodeTypes } from './checks/node-types';
import { checkTrigger } from './checks/trigger';
import { checkWorkflows } from './checks/workflows';
import { log, setUpEnvironment } from './lib/env';
import { Report } from './lib/report';

async function runChecks(
	report: Report,
	cleanup: Cleanup,
): Promise<{ peakMain: number; peakTree: number }> {
	const env = await setUpEnvironment(cleanup);
	const memory = sampleMemory(env.server.process.pid as number);
	try {
		const chakraNodeTypes = await checkNodeTypes(env, report);
		await checkCredential(env, report);
		await checkWorkflows(env, report);
		await checkTrigger(env, report);
		await checkCanvas(env, report, chakraNodeTypes);
	} finally {
		memory.stop();
	}
	return { peakMain: memory.peakMain(), peakTree: memory.peakTree() };
}

async function main(): Promise<void> {
	const started = Date.now();
	const report = new Report();
	const cleanup = new Cleanup();
	cleanup.runOnSignals(log);
	let memory = { peakMain: 0, peakTree: 0 };
	try {
		memory = await runChecks(report, cleanup);
	} catch (error) {
		report.fail('e2e setup', error);
	} finally {
		await cleanup.run();
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	console.log('');
	console.log(`e2e duration: ${Math.floor(seconds / 60)}m ${seconds % 60}s`);
	console.log(
		`n8n peak memory (RSS, sampled every 0.5 s): main process ${megabytes(memory.peakMain)}, with task runners ${megabytes(memory.peakTree)}`,
	);
	for (const failure of report.results.filter((result) => !result.ok))
		console.log(`failed: ${failure.name}`);
	console.log(`${report.passed} passed, ${report.failed} failed`);
	process.exit(report.failed > 0 ? 1 : 0);
}

void main();
