/**
 * The Plugin ID of a request: the node's own "Plugin ID" when it is filled in, otherwise the one
 * saved in the Chakra API credential, so that it is entered once and not in every node.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ItemFunctions } from './itemFunctions';
import { CREDENTIAL_TYPE } from './transport';
import { fieldError, isUuid } from './validation';

/** Why no Plugin ID could be used; `message` names the place(s) to fix. */
export interface PluginIdProblem {
	message: string;
	description: string;
}

export type PluginIdResolution = { pluginId: string } | { problem: PluginIdProblem };

const WHERE_TO_FIND =
	'It is the last part of the URL of the WhatsApp Setup page in ChakraHQ (…/admin/plugin/<Plugin ID>), a UUID such as 3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f.';

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** The node's value wins; an empty node value falls back to the credential's `pluginId`. */
export function resolvePluginId(
	nodeValue: unknown,
	credentials: ICredentialDataDecryptedObject | undefined,
): PluginIdResolution {
	const own = text(nodeValue);
	if (own !== '') {
		return isUuid(own)
			? { pluginId: own }
			: {
					problem: {
						message: `"${own}" is not a valid UUID`,
						description: `Fix the node's "Plugin ID" field. ${WHERE_TO_FIND}`,
					},
				};
	}
	const saved = text(credentials?.pluginId);
	if (saved === '') {
		return {
			problem: {
				message: 'is empty in the node and in the credential',
				description: `Enter the Plugin ID in the node's "Plugin ID" field, or once in the Chakra API credential's "Plugin ID" for every node. ${WHERE_TO_FIND}`,
			},
		};
	}
	return isUuid(saved)
		? { pluginId: saved }
		: {
				problem: {
					message: `"${saved}" (from the Chakra API credential) is not a valid UUID`,
					description: `Fix the Chakra API credential's "Plugin ID", or enter one in the node's "Plugin ID" field. ${WHERE_TO_FIND}`,
				},
			};
}

/** The Plugin ID of the current item (node value, else credential), or the item's field error. */
export async function requirePluginId(context: ItemFunctions): Promise<string> {
	const own = context.getNodeParameter('pluginId', '');
	// The credential is read only when needed: RoutingNode decrypts it on every call.
	const credentials = text(own) === '' ? await context.getCredentials(CREDENTIAL_TYPE) : undefined;
	const resolved = resolvePluginId(own, credentials);
	if ('problem' in resolved) {
		throw fieldError(
			context.getNode(),
			context.getItemIndex(),
			'pluginId',
			resolved.problem.message,
			resolved.problem.description,
		);
	}
	return resolved.pluginId;
}

/** Display text of the node's Plugin ID field (placeholder and hint). */
export const PLUGIN_ID_FIELD_TEXT = {
	placeholder: 'e.g. from ChakraHQ > WhatsApp Setup page URL',
	hint: 'Leave empty to use the Plugin ID saved in the Chakra API credential',
};
