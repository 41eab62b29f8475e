import type { INodeProperties } from 'n8n-workflow';

// C32 takes only the campaign ID and phone number shared by the campaign operations.
export const removePhoneNumberDescription: INodeProperties[] = [];
