import type { INodeProperties } from 'n8n-workflow';

// C14 takes only the shared phone number and version fields.
export const getPublicKeyDescription: INodeProperties[] = [];
