import type { INodeProperties } from 'n8n-workflow';

// C31 takes only the campaign ID and phone number shared by the campaign operations.
export const addPhoneNumberDescription: INodeProperties[] = [];
