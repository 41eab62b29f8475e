/**
 * Opens a Send and Wait link: runs the node's `webhook()` inside n8n-core's `WebhookContext`, as
 * n8n's waiting webhooks do after they checked the signature (`packages/cli/src/webhooks/
 * waiting-webhooks.ts`), with a response recorder. `answerAsN8n` writes what n8n writes when the
 * node leaves the answer to it (`webhookResponse` of a resumed execution).
 */
import { WebhookContext } from 'n8n-core';
import type {
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ExecutionLifecycleHooks } from 'n8n-core';

import {
	additionalDataFor,
	CREDENTIAL_NAME,
	PACKAGE,
	packageNodeTypes,
	singleNodeWorkflow,
	TEST_EXECUTION_ID,
	TEST_NODE_ID,
} from './index';
import { ResponseRecorder } from './trigger';

export interface OpenLinkOptions {
	type: string;
	parameters: INodeParameters;
	method: 'GET' | 'POST';
	/** The query of the link (`approved`, `recipient`, `signature`). */
	query?: Record<string, string>;
	/** The fields of a POSTed multipart form (n8n hands them to the node as `{ data: fields }`). */
	form?: Record<string, unknown>;
}

export interface OpenLinkResult {
	status: number | undefined;
	body: string | undefined;
	headers: Record<string, string>;
	/** The items the execution resumes with; undefined when it keeps waiting. */
	items: INodeExecutionData[] | undefined;
	result: IWebhookResponseData;
}

export async function openResumeLink(options: OpenLinkOptions): Promise<OpenLinkResult> {
	const node: INode = {
		id: TEST_NODE_ID,
		name: 'Chakra',
		type: `${PACKAGE}.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { [CREDENTIAL_NAME]: { id: '1', name: 'Chakra API' } },
	};
	const { workflow } = singleNodeWorkflow(node);
	const nodeType = packageNodeTypes().getByNameAndVersion(node.type);
	const description = nodeType.description.webhooks?.find(
		(webhook) => webhook.httpMethod === options.method,
	);
	if (!description || !nodeType.webhook)
		throw new Error(`${options.type} has no ${options.method} waiting webhook`);
	const response = new ResponseRecorder();
	const hooks = new ExecutionLifecycleHooks('webhook', TEST_EXECUTION_ID, {
		id: 'test-workflow',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
	} as never);
	const additionalData = additionalDataFor(null, hooks);
	const query = options.query ?? {};
	additionalData.httpRequest = {
		method: options.method,
		url: `/webhook-waiting/${TEST_EXECUTION_ID}/${TEST_NODE_ID}?${new URLSearchParams(query).toString()}`,
		headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36' },
		query,
		body: options.form ? { data: options.form } : {},
		params: {},
	} as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
	additionalData.httpResponse =
		response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
	const webhookData: IWebhookData = {
		httpMethod: options.method,
		node: node.name,
		path: `${TEST_NODE_ID}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest: false,
	};
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData,
		[],
		null,
	);
	const result = await nodeType.webhook.call(context);
	if (!response.headersSent && result.noWebhookResponse !== true) {
		// responseMode onReceived with responseData '': n8n sends webhookResponse as it is.
		response.status(200).send(result.webhookResponse);
	}
	return {
		status: response.statusCode,
		body: response.body,
		headers: response.headers,
		items: result.workflowData?.[0],
		result,
	};
}
