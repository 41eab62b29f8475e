/**
 * A real n8n-core LoadOptionsContext for a node of the package, so dropdown and resource mapper
 * methods run with n8n's own request helpers and the credential's Bearer header, against the fake.
 */
import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { INode, INodeParameters } from 'n8n-workflow';

import type { TestCredentials } from './index';
import { additionalDataFor, CREDENTIAL_NAME, PACKAGE, singleNodeWorkflow } from './index';

export function loadOptionsContext(
	type: string,
	parameters: INodeParameters,
	credentials: TestCredentials,
): LoadOptionsContext {
	const node: INode = {
		id: 'node-under-test',
		name: 'Chakra',
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [CREDENTIAL_NAME]: { id: '1', name: 'Chakra API' } },
	};
	const { workflow, workflowData } = singleNodeWorkflow(node);
	const additionalData = additionalDataFor(
		credentials,
		new ExecutionLifecycleHooks('manual', 'load-options', workflowData),
	);
	additionalData.currentNodeParameters = parameters;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}
