import type { INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';

const showOnlyForMessageSendTemplate = { resource: ['message'], operation: ['sendTemplate'] };

// C2: the recipient is a path segment (normalised and checked by fillPathParameters); the body is
// built by buildChakraTemplateBody from the template fields shared with C1 and C3.
export const sendTemplateDescription: INodeProperties[] = [recipientPhoneNumberField(showOnlyForMessageSendTemplate)];
