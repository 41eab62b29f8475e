import type { INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';

// One Phone Number definition serves Send Template (C2) and Send Template (Meta Format) (C3): n8n's
// declarative engine evaluates every definition of a parameter name for every item, so each extra
// definition costs one expression evaluation per item.
const showOnlyForMessageSendTemplateAndMeta = { resource: ['message'], operation: ['sendTemplate', 'sendTemplateMeta'] };

// C2: the recipient is a path segment (normalised and checked by fillPathParameters); the body is
// built by buildChakraTemplateBody from the template fields shared with C1 and C3.
export const sendTemplateDescription: INodeProperties[] = [recipientPhoneNumberField(showOnlyForMessageSendTemplateAndMeta)];
