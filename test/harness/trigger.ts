/**
 * Runs the Chakra Trigger through n8n-core's real contexts: `WebhookContext` for a delivery (with an
 * express-like request holding the raw body, and a response recorder) and `HookContext` for the
 * webhook methods (checkExists / create / delete), on a Workflow that holds the trigger node.
 *
 * What n8n answers when the node leaves the answer to it is reproduced from n8n 2.8's
 * `packages/cli/src/webhooks/webhook-helpers.ts` (`executeWebhook`) and
 * `webhook-on-received-response-extractor.ts`, so a test can see the literal `firstEntryJson`
 * that a webhook without `responseData` would answer.
 */
import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WebhookSetupMethodNames,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { TestCredentials } from './index';
import {
	additionalDataFor,
	assertNoSecretLeak,
	CREDENTIAL_NAME,
	PACKAGE,
	packageNodeTypes,
} from './index';

export const TRIGGER_NODE_NAME = 'Chakra Trigger';
export const TRIGGER_WEBHOOK_ID = '5f0c7a52-5d2e-4c1b-9d3e-7a1b2c3d4e5f';
const WORKFLOW_ID = 'trigger-test-workflow';

/** The URLs n8n gives the trigger with the harness's base URLs. */
export const TRIGGER_URLS = {
	production: `http://localhost:5678/webhook/${TRIGGER_WEBHOOK_ID}/chakra`,
	test: `http://localhost:5678/webhook-test/${TRIGGER_WEBHOOK_ID}/chakra`,
};

const TRIGGER_TYPE = `${PACKAGE}.chakraTrigger`;

/** Records what the node (or n8n on its behalf) writes to the express response. */
export class ResponseRecorder {
	statusCode = 200;
	headers: Record<string, string> = {};
	body: string | undefined;
	headersSent = false;
	writes = 0;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.headers[name.toLowerCase()] = String(value);
		return this;
	}

	header(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	set(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	json(data: unknown): this {
		if (this.headers['content-type'] === undefined)
			this.setHeader('content-type', 'application/json; charset=utf-8');
		// express: res.json(undefined) sends an empty body.
		return this.end(data === undefined ? undefined : JSON.stringify(data));
	}

	send(data?: unknown): this {
		if (typeof data === 'object' && data !== null && !Buffer.isBuffer(data)) return this.json(data);
		return this.end(data === undefined ? undefined : String(data));
	}

	writeHead(code: number, headers?: Record<string, string>): this {
		this.statusCode = code;
		for (const [name, value] of Object.entries(headers ?? {})) this.setHeader(name, value);
		return this;
	}

	end(chunk?: unknown): this {
		if (this.headersSent)
			throw new Error('Cannot write the response twice (ERR_HTTP_HEADERS_SENT)');
		this.body =
			chunk === undefined || chunk === null
				? ''
				: Buffer.isBuffer(chunk)
					? chunk.toString('utf8')
					: String(chunk);
		this.headersSent = true;
		this.writes++;
		return this;
	}
}

export interface TriggerNodeOptions {
	parameters: INodeParameters;
	/** The trigger's type name (default `chakraTrigger`; `chakraWhatsAppTrigger` is the same trigger). */
	nodeType?: string;
	/** Workflow static data (as n8n stores it: keys such as `node:Chakra Trigger`). */
	staticData?: IDataObject;
}

function triggerType(options: Pick<TriggerNodeOptions, 'nodeType'>): string {
	return options.nodeType ? `${PACKAGE}.${options.nodeType}` : TRIGGER_TYPE;
}

function triggerNode(parameters: INodeParameters, type = TRIGGER_TYPE): INode {
	return {
		id: 'chakra-trigger-under-test',
		name: TRIGGER_NODE_NAME,
		type,
		typeVersion: 1,
		position: [0, 0],
		webhookId: TRIGGER_WEBHOOK_ID,
		parameters: JSON.parse(JSON.stringify(parameters)) as INodeParameters,
		credentials: { [CREDENTIAL_NAME]: { id: '1', name: 'Chakra API' } },
	};
}

/** A Workflow holding only the trigger; n8n fills the parameter defaults as it would on load. */
function triggerWorkflow(options: TriggerNodeOptions): Workflow {
	return new Workflow({
		id: WORKFLOW_ID,
		nodes: [triggerNode(options.parameters, triggerType(options))],
		connections: {},
		active: true,
		nodeTypes: packageNodeTypes(),
		settings: {},
		staticData: options.staticData
			? (JSON.parse(JSON.stringify(options.staticData)) as IDataObject)
			: undefined,
	});
}

// Workflows without static data depend only on the parameters: reuse them (the fuzz suite sends
// thousands of deliveries with the same parameters).
const workflowCache = new Map<string, Workflow>();
function cachedWorkflow(options: TriggerNodeOptions): Workflow {
	if (options.staticData) return triggerWorkflow(options);
	const key = JSON.stringify(options.parameters);
	let workflow = workflowCache.get(key);
	if (!workflow) {
		if (workflowCache.size > 50) workflowCache.clear();
		workflow = triggerWorkflow(options);
		workflowCache.set(key, workflow);
	}
	return workflow;
}

let hooks: ExecutionLifecycleHooks | undefined;
function sharedHooks(): ExecutionLifecycleHooks {
	const workflowData = {
		id: WORKFLOW_ID,
		name: 'trigger test',
		nodes: [],
		connections: {},
		active: true,
	} as unknown as IWorkflowBase;
	hooks ??= new ExecutionLifecycleHooks('webhook', 'trigger-test-execution', workflowData);
	return hooks;
}

function webhookDescription(): IWebhookDescription {
	const description =
		packageNodeTypes().getByNameAndVersion(TRIGGER_TYPE).description.webhooks?.[0];
	if (!description) throw new Error('The Chakra Trigger declares no webhook');
	return description;
}

function webhookDataFor(
	workflow: Workflow,
	additionalData: IWorkflowExecuteAdditionalData,
	isTest: boolean,
): IWebhookData {
	const description = webhookDescription();
	return {
		httpMethod: 'POST',
		node: TRIGGER_NODE_NAME,
		path: `${TRIGGER_WEBHOOK_ID}/${description.path}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: TRIGGER_WEBHOOK_ID,
		isTest,
	};
}

export interface DeliveryOptions extends TriggerNodeOptions {
	credentials: TestCredentials | null;
	/** The JSON value of the body (what n8n parsed). Serialised as the raw body unless `rawBody` is given. */
	body?: unknown;
	/**
	 * The bytes as sent. Without `body`, the parsed body is these bytes parsed as JSON (`{}` when
	 * they are not JSON: n8n would answer 422 before the node runs). `null` = no raw body at all.
	 */
	rawBody?: Buffer | string | null;
	/** Request headers (names are lowercased as Node does). */
	headers?: Record<string, string | string[]>;
	/** Listen-for-test-event mode (mode `manual`, test URL). */
	isTest?: boolean;
}

export interface DeliveryResult {
	/** HTTP status the sender sees; undefined if nothing would ever be written. */
	status: number | undefined;
	responseBody: string | undefined;
	responseHeaders: Record<string, string>;
	/** Items of the trigger's output, undefined when no execution starts. */
	items: INodeExecutionData[] | undefined;
	noWebhookResponse: boolean;
	/** What the node's webhook() returned. */
	result: IWebhookResponseData;
	/** Whether the node wrote the answer itself through the response object. */
	answeredByNode: boolean;
}

function lowercaseHeaders(
	headers: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
}

function parseJson(raw: Buffer | undefined): unknown {
	try {
		return raw === undefined ? {} : (JSON.parse(raw.toString('utf8')) as unknown);
	} catch {
		return {};
	}
}

function requestBody(options: DeliveryOptions): { raw: Buffer | undefined; parsed: unknown } {
	const rawSource =
		options.rawBody === null ? undefined : (options.rawBody ?? JSON.stringify(options.body ?? {}));
	const raw =
		rawSource === undefined
			? undefined
			: Buffer.isBuffer(rawSource)
				? rawSource
				: Buffer.from(rawSource, 'utf8');
	return { raw, parsed: 'body' in options ? options.body : parseJson(raw) };
}

/** n8n 2.8's `extractWebhookOnReceivedResponse` with the default `firstEntryJson`. */
function onReceivedBody(description: IWebhookDescription, result: IWebhookResponseData): unknown {
	const responseData = description.responseData ?? 'firstEntryJson';
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	return result.webhookResponse ?? { message: 'Workflow was started' };
}

/** What n8n writes after webhook() returned, when the node did not answer itself. */
function answerAsN8n(
	response: ResponseRecorder,
	description: IWebhookDescription,
	result: IWebhookResponseData,
): void {
	if (result.noWebhookResponse === true || response.headersSent) return;
	const data =
		result.workflowData === undefined
			? (result.webhookResponse ?? { message: 'Webhook call received' })
			: description.responseMode === 'onReceived'
				? onReceivedBody(description, result)
				: undefined;
	// sendSuccessResponse(res, data, raw = true, 200)
	response.status(200);
	if (typeof data === 'string') response.send(data);
	else response.json(data);
}

/** POSTs one delivery to the trigger's webhook() inside n8n-core's WebhookContext. */
export async function deliverToTrigger(options: DeliveryOptions): Promise<DeliveryResult> {
	const workflow = cachedWorkflow(options);
	const node = workflow.getNode(TRIGGER_NODE_NAME) as INode;
	const { raw, parsed } = requestBody(options);
	const headers = lowercaseHeaders({
		'content-type': 'application/json',
		...(options.headers ?? {}),
	});
	const request = {
		method: 'POST',
		url: `/webhook/${TRIGGER_WEBHOOK_ID}/chakra`,
		headers,
		body: parsed,
		rawBody: raw,
		query: {},
		params: {},
		contentType: 'application/json',
		encoding: 'utf8',
	};
	const response = new ResponseRecorder();
	const additionalData = additionalDataFor(options.credentials, sharedHooks());
	additionalData.httpRequest = request as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
	additionalData.httpResponse =
		response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
	const isTest = options.isTest === true;
	const webhookData = webhookDataFor(workflow, additionalData, isTest);
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		isTest ? 'manual' : 'webhook',
		webhookData,
		[],
		null,
	);
	const nodeType = packageNodeTypes().getByNameAndVersion(triggerType(options));
	if (!nodeType.webhook) throw new Error('The Chakra Trigger has no webhook()');
	const result = await nodeType.webhook.call(context);
	const answeredByNode = response.headersSent;
	answerAsN8n(response, webhookData.webhookDescription, result);
	assertNoSecretLeak(
		{ items: result.workflowData?.[0] ?? [], error: response.body },
		options.credentials,
	);
	return {
		status: response.headersSent ? response.statusCode : undefined,
		responseBody: response.body,
		responseHeaders: response.headers,
		items: result.workflowData?.[0],
		noWebhookResponse: result.noWebhookResponse === true,
		result,
		answeredByNode,
	};
}

export interface WebhookMethodOptions extends TriggerNodeOptions {
	credentials: TestCredentials | null;
	/** Listen-for-test-event registration (test URL, mode `manual`). */
	isTest?: boolean;
}

export interface WebhookMethodResult {
	result: boolean;
	/** The workflow's static data afterwards (pass it to the next call). */
	staticData: IDataObject;
	/** The trigger node's own static data afterwards. */
	nodeStaticData: IDataObject;
}

/** Runs webhookMethods.default[method] inside n8n-core's HookContext. */
export async function runWebhookMethod(
	method: WebhookSetupMethodNames,
	options: WebhookMethodOptions,
): Promise<WebhookMethodResult> {
	const workflow = triggerWorkflow(options);
	const node = workflow.getNode(TRIGGER_NODE_NAME) as INode;
	const additionalData = additionalDataFor(options.credentials, sharedHooks());
	const isTest = options.isTest === true;
	const webhookData = webhookDataFor(workflow, additionalData, isTest);
	const activation = method === 'delete' ? 'update' : 'activate';
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		isTest ? 'manual' : 'trigger',
		activation,
		webhookData,
	);
	const nodeType = packageNodeTypes().getByNameAndVersion(triggerType(options));
	const fn = nodeType.webhookMethods?.default?.[method];
	if (!fn) throw new Error(`The Chakra Trigger has no webhookMethods.default.${method}`);
	const result = await fn.call(context);
	const staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	return {
		result,
		staticData,
		nodeStaticData: (staticData[`node:${TRIGGER_NODE_NAME}`] as IDataObject) ?? {},
	};
}
