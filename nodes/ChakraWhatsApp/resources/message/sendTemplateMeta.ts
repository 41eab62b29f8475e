import type { INodeProperties } from 'n8n-workflow';

// C3: the recipient (Phone Number, defined once in sendTemplate.ts) goes into Meta's body as `to`,
// checked by requirePhoneNumber in buildMetaTemplateBody; the other fields are the template fields
// shared with C1 and C2.
export const sendTemplateMetaDescription: INodeProperties[] = [];
