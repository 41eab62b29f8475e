/**
 * The field named in an error is the field the user sees: every label of FIELD_LABELS is derived
 * (labelOf) from the display name of that parameter in every node that has it.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { ChakraCrm } from '../../nodes/ChakraCrm/ChakraCrm.node';
import { ChakraPartner } from '../../nodes/ChakraPartner/ChakraPartner.node';
import { ChakraPlatform } from '../../nodes/ChakraPlatform/ChakraPlatform.node';
import { ChakraTrigger } from '../../nodes/ChakraTrigger/ChakraTrigger.node';
import { ChakraWhatsApp } from '../../nodes/ChakraWhatsApp/ChakraWhatsApp.node';
import { ChakraWhatsAppCalling } from '../../nodes/ChakraWhatsAppCalling/ChakraWhatsAppCalling.node';
import { ChakraWhatsAppGroup } from '../../nodes/ChakraWhatsAppGroup/ChakraWhatsAppGroup.node';
import { FIELD_LABELS, labelOf } from '../../nodes/shared/validation';

const nodes: INodeType[] = [
	new ChakraCrm(),
	new ChakraPartner(),
	new ChakraPlatform(),
	new ChakraTrigger(),
	new ChakraWhatsApp(),
	new ChakraWhatsAppCalling(),
	new ChakraWhatsAppGroup(),
];

describe('error labels', () => {
	it('FIELD_LABELS agrees with the display names of the fields', () => {
		const found: Record<string, Set<string>> = {};
		for (const node of nodes) {
			for (const property of node.description.properties as INodeProperties[]) {
				if (property.name in FIELD_LABELS)
					(found[property.name] ??= new Set()).add(labelOf(property));
			}
		}
		const disagreements = Object.entries(found)
			.filter(([name, labels]) => !(labels.size === 1 && labels.has(FIELD_LABELS[name])))
			.map(
				([name, labels]) =>
					`${name}: table "${FIELD_LABELS[name]}", fields ${[...labels].map((label) => `"${label}"`).join(', ')}`,
			);
		expect(disagreements).toEqual([]);
	});

	it('labelOf drops a dropdown\'s " Name or ID" and names the ID a resource locator holds', () => {
		expect(
			labelOf({ displayName: 'Procedure Name or ID', name: 'procedureShortId', type: 'options' }),
		).toBe('Procedure');
		expect(labelOf({ displayName: 'Process ID', name: 'processId', type: 'string' })).toBe(
			'Process ID',
		);
		expect(
			labelOf({
				displayName: 'WhatsApp Phone Number',
				name: 'whatsappPhoneNumberId',
				type: 'resourceLocator',
			}),
		).toBe('WhatsApp Phone Number ID');
		expect(
			labelOf({ displayName: 'Template', name: 'templateName', type: 'resourceLocator' }),
		).toBe('Template');
	});
});
