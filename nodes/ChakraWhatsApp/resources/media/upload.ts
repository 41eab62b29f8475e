import type { INodeProperties } from 'n8n-workflow';

import type { InputFile } from '../../../shared/binary';
import { inputBinaryField } from '../../../shared/fields';
import type { ItemFunctions } from '../../../shared/itemFunctions';

const showOnlyForMediaUpload = { resource: ['media'], operation: ['upload'] };

export const uploadDescription: INodeProperties[] = [
	inputBinaryField(showOnlyForMediaUpload),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForMediaUpload },
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'banner.png',
				description: 'Name to store the file under. Empty: the name of the binary file.',
			},
		],
	},
];

/** C9's stored file name: the File Name option, else the binary's own name. */
export function uploadFileName(context: ItemFunctions, file: InputFile): string {
	const options = context.getNodeParameter('options', {}) as { fileName?: string };
	return typeof options.fileName === 'string' && options.fileName.trim() !== ''
		? options.fileName.trim()
		: file.fileName;
}

/** C9 text parts: `filename`, the same name as the file part's (as ChakraHQ's SDK names both). */
export function uploadFormFields(
	_context: ItemFunctions,
	file: InputFile,
): Record<string, string | undefined> {
	return { filename: file.fileName };
}
