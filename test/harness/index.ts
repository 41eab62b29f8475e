/**
 * Runs the package's nodes through n8n-core's real engine (WorkflowExecute -> RoutingNode for
 * declarative nodes), with a credentials helper that applies the credential's own `authenticate`
 * block, so the Bearer header that reaches the fake server is the one n8n would send.
 */
import { Container } from '@n8n/di';
import { DirectoryLoader, ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	ExecutionError,
} from 'n8n-workflow';
import { createRunExecutionData, ICredentialsHelper, Workflow } from 'n8n-workflow';

import { ChakraApi } from '../../credentials/ChakraApi.credentials';
import { loadNodeClass } from './nodes';

export const PACKAGE = 'n8n-nodes-chakrahq';
export const CREDENTIAL_NAME = 'chakraApi';
export const TEST_EXECUTION_ID = 'test-execution';
export const TEST_NODE_ID = 'node-under-test';

export interface TestCredentials {
	accessToken: string;
	baseUrl: string;
	webhookSecret?: string;
	pluginId?: string;
}

/**
 * As n8n's NodeTypes (packages/cli/src/node-types.ts, `shouldAssignExecuteMethod`): a declarative
 * node gets an `execute` that runs its RoutingNode, also when it has a `webhook()` (Chakra
 * WhatsApp's Send and Wait). Without it n8n-core gives a declarative node with a webhook no input
 * items to resolve `$json` with.
 */
function assignRoutingExecute(node: INodeType): void {
	const declarative = node.description.requestDefaults !== undefined;
	if (!declarative || node.execute || node.supplyData || node.poll || node.trigger) return;
	node.execute = async function () {
		return (
			(await new RoutingNode(
				this as ConstructorParameters<typeof RoutingNode>[0],
				node,
			).runNode()) ?? []
		);
	};
}

/** The node classes of the package, by their type name (`n8n-nodes-chakrahq.<name>`). */
export class PackageNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType>();

	constructor(nodes: INodeType[] = []) {
		for (const node of nodes) this.byName.set(`${PACKAGE}.${node.description.name}`, node);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		let node = this.byName.get(nodeType);
		if (!node && nodeType.startsWith(`${PACKAGE}.`)) {
			const name = nodeType.slice(PACKAGE.length + 1);
			// `<node>Tool` is the AI tool n8n generates from a `usableAsTool` node: its description's
			// name ends in Tool, which `@tool` display conditions test (convertNodeToAiTool).
			const isTool = name.endsWith('Tool') && loadNodeClass(name) === undefined;
			const NodeClass = loadNodeClass(isTool ? name.slice(0, -'Tool'.length) : name);
			if (NodeClass) {
				node = new NodeClass();
				if (isTool)
					node.description = {
						...node.description,
						name: `${node.description.name}Tool`,
						displayName: `${node.description.displayName} Tool`,
					};
				// As n8n's loader does: declarative nodes get the Request Options collection (batching,
				// proxy, SSL, timeout), so tests can set `requestOptions` like the editor saves it.
				DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
				assignRoutingExecute(node);
				this.byName.set(nodeType, node);
			}
		}
		if (!node) throw new Error(`Unknown node type ${nodeType}`);
		return node;
	}

	getKnownTypes() {
		return {};
	}

	/** A node type that only tests use (a probe calling shared code from inside a real execution). */
	register(typeName: string, node: INodeType): void {
		this.byName.set(`${PACKAGE}.${typeName}`, node);
	}
}

const credentialTypes: Record<string, ICredentialType> = { [CREDENTIAL_NAME]: new ChakraApi() };

/** Resolves `={{ ... }}` values of a generic authenticate block against the credential data. */
function resolveCredentialValue(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return workflow.expression.getParameterValue(
		value,
		null,
		0,
		0,
		node.name,
		[],
		'internal',
		{ $credentials: credentials },
		undefined,
		false,
	);
}

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: TestCredentials | null) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	/** n8n-core asks this on every credential read (n8n >= 2.x): the package's nodes use only `chakraApi`. */
	isCredentialUsableByNode(credentialType: string): boolean {
		return credentialType === CREDENTIAL_NAME;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const result: IHttpRequestOptions = {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}) },
		};
		for (const [target, values] of Object.entries(authenticate.properties)) {
			const destination = (result as unknown as Record<string, IDataObject>)[target] ?? {};
			for (const [key, value] of Object.entries(values as IDataObject)) {
				destination[key] = resolveCredentialValue(
					value,
					credentials,
					workflow,
					node,
				) as IDataObject[string];
			}
			(result as unknown as Record<string, IDataObject>)[target] = destination;
		}
		return result;
	}

	async preAuthentication() {
		return undefined;
	}

	/** The Chakra credential has no pre-authentication step (no `preAuthentication` in its type). */
	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by the harness');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		if (type !== CREDENTIAL_NAME || !this.data) throw new Error(`No credentials of type ${type}`);
		return { ...this.data } as unknown as ICredentialDataDecryptedObject;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return new ChakraApi().properties;
	}
}

export interface RunNodeOptions {
	/** Type name without the package prefix, e.g. `chakraWhatsApp`. */
	type: string;
	parameters: INodeParameters;
	input?: INodeExecutionData[];
	credentials?: TestCredentials | null;
	continueOnFail?: boolean;
	nodeName?: string;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	error?: ExecutionError;
	run: IRun;
}

/** A binary property as n8n keeps it in memory, for test input items. */
export function binaryProperty(data: Buffer | string, mimeType: string, fileName?: string) {
	const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data);
	const extension = fileName?.includes('.') ? fileName.split('.').pop() : undefined;
	return {
		data: buffer.toString('base64'),
		mimeType,
		...(fileName ? { fileName } : {}),
		...(extension ? { fileExtension: extension } : {}),
		fileSize: `${buffer.length} B`,
	};
}

/** Bytes of an output binary property. */
export function binaryBytes(item: INodeExecutionData, property = 'data'): Buffer {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`Item has no binary property ${property}`);
	return Buffer.from(binary.data, 'base64');
}

let nodeTypesSingleton: PackageNodeTypes | undefined;
export function packageNodeTypes(): PackageNodeTypes {
	nodeTypesSingleton ??= new PackageNodeTypes();
	return nodeTypesSingleton;
}

export function additionalDataFor(
	credentials: TestCredentials | null,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used by these nodes');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not used by these nodes');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs one node of the package as the start of a workflow, with `input` as its input items. */
/** The one-node workflow the harnesses run a node in (n8n fills the parameter defaults on load). */
export function singleNodeWorkflow(node: INode): {
	workflow: Workflow;
	workflowData: IWorkflowBase;
} {
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: packageNodeTypes(),
		settings: {},
	});
	const workflowData = {
		id: 'test-workflow',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
	} as unknown as IWorkflowBase;
	return { workflow, workflowData };
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const nodeName = options.nodeName ?? 'Chakra';
	const node: INode = {
		id: TEST_NODE_ID,
		name: nodeName,
		type: `${PACKAGE}.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		continueOnFail: options.continueOnFail,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		credentials:
			options.credentials === null
				? undefined
				: { [CREDENTIAL_NAME]: { id: '1', name: 'Chakra API' } },
	};
	const { workflow, workflowData } = singleNodeWorkflow(node);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const executeData: IExecuteData = {
		node,
		data: { main: [options.input ?? [{ json: {} }]] },
		source: null,
	};
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [executeData] },
	});
	const additionalData = additionalDataFor(
		options.credentials === undefined ? null : options.credentials,
		hooks,
	);
	// n8n gives every execution an id; resume URLs (Send and Wait) are built from it.
	additionalData.executionId = TEST_EXECUTION_ID;
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const items = (taskData?.data?.main?.[0] ?? []) as INodeExecutionData[];
	const result = { items, error: taskData?.error ?? run.data.resultData.error, run };
	assertNoSecretLeak(result, options.credentials);
	return result;
}

/** Every serialisable part of an error, including its cause, as text. */
function errorText(error: unknown): string {
	if (!error || typeof error !== 'object') return String(error ?? '');
	const seen = new WeakSet<object>();
	return JSON.stringify(error, (_key, value: unknown) => {
		if (typeof value === 'object' && value !== null) {
			if (seen.has(value)) return undefined;
			seen.add(value);
			if (value instanceof Error) {
				return {
					...value,
					message: value.message,
					stack: value.stack,
					cause: (value as { cause?: unknown }).cause,
				};
			}
		}
		return value;
	});
}

/**
 * The access token and signing secret must never reach an output item, an error (message,
 * description, context, cause) or the run data. Checked on every run of the suite.
 */
export function assertNoSecretLeak(
	result: { items: INodeExecutionData[]; error?: unknown; run?: IRun },
	credentials?: TestCredentials | null,
): void {
	const secrets = [credentials?.accessToken, credentials?.webhookSecret].filter(
		(secret): secret is string => !!secret && secret.length >= 6,
	);
	if (secrets.length === 0) return;
	const texts = [
		JSON.stringify(result.items),
		errorText(result.error),
		result.run ? errorText(result.run.data) : '',
	];
	for (const secret of secrets) {
		if (texts.some((text) => text.includes(secret))) {
			throw new Error(
				`Secret leak: a credential secret appears in the node's output or error (${secret.slice(0, 3)}…)`,
			);
		}
	}
}

/** Stops n8n-core's SSH clients manager interval so jest can exit by itself. */
export function shutdownEngine(): void {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
}
