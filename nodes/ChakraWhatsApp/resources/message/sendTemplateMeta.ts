import type { INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';

const showOnlyForMessageSendTemplateMeta = { resource: ['message'], operation: ['sendTemplateMeta'] };

// C3: the recipient goes into Meta's body as `to` (checked by requirePhoneNumber in buildMetaTemplateBody).
export const sendTemplateMetaDescription: INodeProperties[] = [recipientPhoneNumberField(showOnlyForMessageSendTemplateMeta)];
