/** Resource locator list of users (C51), built on the shared user dropdown. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getUserIds } from '../../shared/methods/platformConfig';

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase() ?? '';
	const users = await getUserIds.call(this);
	return {
		results: users
			.filter(
				(user) =>
					needle === '' ||
					user.name.toLowerCase().includes(needle) ||
					String(user.value).toLowerCase().includes(needle),
			)
			.map((user) => ({ name: user.name, value: String(user.value) })),
	};
}
