/** Searchable lists of resource locators shared by several nodes (docs/api-reference.md 5). */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unwrapChakraData } from '../envelope';
import { resolvePluginId } from '../pluginId';
import { chakraRequest, CREDENTIAL_TYPE } from '../transport';

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

function records(body: unknown): IDataObject[] {
	const data = unwrapChakraData(body);
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/** C63: the team's WhatsApp phone numbers. */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { body } = await chakraRequest(this, 'C63');
	const results = records(body)
		.filter((entry) => matches(filter, entry.displayPhoneNumber, entry.id, entry.verifiedName))
		.map((entry) => ({
			name: [
				entry.displayPhoneNumber ?? entry.id,
				entry.verifiedName ? `(${String(entry.verifiedName)})` : '',
			]
				.filter(Boolean)
				.join(' '),
			value: String(entry.id),
		}));
	return { results };
}

/** C63 as dropdown options (multi-select), e.g. the trigger's Receiving Phone Numbers. */
export async function getPhoneNumbers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const { results } = await searchPhoneNumbers.call(this);
	return results.map(({ name, value }) => ({ name, value }));
}

/** C64: WhatsApp Business Accounts of the plugin given in `pluginId`. */
export async function searchBusinessAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const resolved = resolvePluginId(
		this.getCurrentNodeParameter('pluginId'),
		await this.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE),
	);
	if ('problem' in resolved) {
		throw new NodeOperationError(this.getNode(), `Plugin ID: ${resolved.problem.message}`, {
			description: resolved.problem.description,
		});
	}
	const { pluginId } = resolved;
	const { body } = await chakraRequest(this, 'C64', { qs: { pluginId } });
	const results = records(body)
		.filter((entry) => matches(filter, entry.name, entry.id))
		.map((entry) => ({
			name: `${String(entry.name ?? entry.id)} (${String(entry.id)})`,
			value: String(entry.id),
		}));
	return { results };
}
