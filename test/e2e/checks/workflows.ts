/**
 * Every workflow of examples/ and test/e2e/workflows/ runs in the real n8n and its output is checked
 * by its case in test/e2e/cases.ts. Manual/Schedule-started workflows run headless with
 * `n8n execute --id`; Chakra Trigger-started ones are activated through the public API and get a
 * signed webhook delivery.
 */
import type { N8nExecution } from '../../../scripts/lib/api';
import type { WorkflowFile } from '../../../scripts/lib/workflows';
import { CASES, type WorkflowCase } from '../cases';
import { relativeToRepo, type E2eEnv } from '../lib/env';
import { executeWithCli, knownExecutionIds, waitForNewExecutions } from '../lib/execute';
import type { Report } from '../lib/report';
import { deliver, productionWebhookUrl } from '../lib/webhooks';
import { TRIGGER_WORKFLOW_ID } from './trigger';

/** Activates the workflow, delivers the case's signed payload to its trigger, returns the execution. */
async function runThroughWebhook(
	env: E2eEnv,
	workflow: WorkflowFile,
	testCase: WorkflowCase,
): Promise<N8nExecution> {
	const delivery = testCase.webhook;
	if (!delivery) throw new Error('case has no webhook');
	const trigger = workflow.nodes.find((node) => node.name === delivery.node);
	if (!trigger?.webhookId)
		throw new Error(`node "${delivery.node}" has no webhookId in ${relativeToRepo(workflow.file)}`);
	const url = productionWebhookUrl(env, trigger.webhookId);
	await env.client.activateWorkflow(workflow.id, [url]);
	try {
		const known = await knownExecutionIds(env, workflow.id);
		const response = await deliver(env, url, delivery.payload());
		if (response.status !== 200)
			throw new Error(`webhook answered ${response.status}: ${response.body}`);
		const [execution] = await waitForNewExecutions(env, workflow.id, known, 1, 60_000);
		return execution;
	} finally {
		await env.client.deactivateWorkflow(workflow.id);
	}
}

async function runCase(env: E2eEnv, workflow: WorkflowFile, testCase: WorkflowCase): Promise<void> {
	env.fake.reset();
	await testCase.before?.(env);
	const execution = testCase.webhook
		? await runThroughWebhook(env, workflow, testCase)
		: await executeWithCli(env, workflow.id);
	await testCase.verify(execution, env);
}

export async function checkWorkflows(env: E2eEnv, report: Report): Promise<void> {
	const workflows = [...env.examples, ...env.nodeWorkflows].filter(
		(workflow) => workflow.id !== TRIGGER_WORKFLOW_ID,
	);
	for (const workflow of workflows) {
		const title = `workflow ${relativeToRepo(workflow.file)} ("${workflow.name}")`;
		const testCase = CASES[workflow.id];
		if (!testCase) {
			report.fail(title, `no case for workflow id "${workflow.id}" in test/e2e/cases.ts`);
			continue;
		}
		await report.check(`${title}: ${testCase.covers}`, () => runCase(env, workflow, testCase));
	}
	for (const id of Object.keys(CASES)) {
		if (!workflows.some((workflow) => workflow.id === id))
			report.fail(`case ${id}`, 'test/e2e/cases.ts has a case for a workflow that no file defines');
	}
}
