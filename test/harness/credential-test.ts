/**
 * Runs the credential's `test` request the way n8n's credentials tester does: a temporary node
 * whose only property routes the test request, executed by n8n-core's RoutingNode with the
 * credential applied. Returns n8n's `{ status, message }` verdict.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialsDecrypted,
	ICredentialTestRequest,
	INode,
	INodeType,
	INodeTypes,
	IRunExecutionData,
} from 'n8n-workflow';
import { ExecutionLifecycleHooks } from 'n8n-core';
import { Workflow } from 'n8n-workflow';

import { ChakraApi } from '../../credentials/ChakraApi.credentials';
import type { TestCredentials } from './index';
import { additionalDataFor } from './index';

export interface CredentialVerdict {
	status: 'OK' | 'Error';
	message: string;
}

export async function testChakraCredential(data: TestCredentials): Promise<CredentialVerdict> {
	const credentialType = new ChakraApi();
	const testRequest = credentialType.test as ICredentialTestRequest;
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: 'Runs the credential test request',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: testRequest.request },
				},
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: '1', name: 'Chakra API' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('internal', 'credential-test', {
		nodes: [node],
		connections: {},
	} as never);
	const additionalData = additionalDataFor(data, hooks);
	const runExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted: ICredentialsDecrypted = {
		id: '1',
		name: 'Chakra API',
		type: credentialType.name,
		data: { ...data },
	};
	try {
		await new RoutingNode(context, nodeType, decrypted).runNode();
	} catch (error) {
		// Exactly what n8n's CredentialsTester reads (packages/cli credentials-tester.service.ts): the
		// rules and the status apply only when the error's cause carries the HTTP response.
		const { cause } = error as {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		if (cause?.response) {
			const status = cause.response.status;
			const rule = testRequest.rules?.find(
				(candidate) => candidate.type === 'responseCode' && candidate.properties.value === status,
			);
			if (rule) return { status: 'Error', message: rule.properties.message as string };
			if (status < 199 || status > 299) {
				return {
					status: 'Error',
					message: cause.response.statusText || `Received HTTP status code: ${status}`,
				};
			}
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: String((error as Error).message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
