/**
 * The ChakraHQ configuration (C61) as the process body builders read it: fetched when a date
 * attribute needs it, and fetched once for all items of a coded bulk run.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemFunctions } from '../itemFunctions';
import { executeItemFunctions } from '../itemFunctions';
import type { PlatformConfig } from '../methods/platformConfig';
import { fetchPlatformConfig } from '../methods/platformConfig';

const sharedConfigs = new WeakMap<ItemFunctions, () => Promise<PlatformConfig>>();

/** C61 for `item`: the run's shared copy (see `bulkItemFunctions`), else fetched now. */
export async function platformConfigFor(item: ItemFunctions): Promise<PlatformConfig> {
	const shared = sharedConfigs.get(item);
	return await (shared ? shared() : fetchPlatformConfig(item));
}

/** Item views of a coded run that fetch C61 at most once between them. */
export function bulkItemFunctions(
	context: IExecuteFunctions,
): (itemIndex: number) => ItemFunctions {
	let config: Promise<PlatformConfig> | undefined;
	const fetchOnce = async () => {
		config ??= fetchPlatformConfig(context);
		return await config;
	};
	return (itemIndex) => {
		const item = executeItemFunctions(context, itemIndex);
		sharedConfigs.set(item, fetchOnce);
		return item;
	};
}
