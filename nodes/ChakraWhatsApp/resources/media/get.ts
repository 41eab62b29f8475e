import type { INodeProperties } from 'n8n-workflow';

// C11 takes the Media ID field defined with the download operation (shown for both) and the version.
export const getDescription: INodeProperties[] = [];
