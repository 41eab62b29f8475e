import type { INodeTypeDescription } from 'n8n-workflow';

import { ChakraTrigger } from '../ChakraTrigger/ChakraTrigger.node';

/**
 * The Chakra Trigger under the type name n8n's nodes panel pairs with Chakra WhatsApp: the panel
 * lists a trigger on an app's page when the trigger's type name minus "Trigger" is the app's
 * (`chakraWhatsAppTrigger` -> `chakraWhatsApp`). Same parameters, webhook and behaviour as
 * `chakraTrigger`, which stays for saved workflows and is hidden from the panel.
 */
export class ChakraWhatsAppTrigger extends ChakraTrigger {
	constructor() {
		super();
		const description: INodeTypeDescription = {
			...this.description,
			displayName: 'Chakra Trigger',
			name: 'chakraWhatsAppTrigger',
			icon: {
				light: 'file:../../icons/chakraTrigger.svg',
				dark: 'file:../../icons/chakraTrigger.dark.svg',
			},
		};
		// Listed in the panel, unlike chakraTrigger.
		delete description.hidden;
		this.description = description;
	}
}
