import type { INodeProperties } from 'n8n-workflow';

// C39 takes only the plugin ID shared by the plugin configuration operations.
export const getDescription: INodeProperties[] = [];
