/**
 * The subtitle under a node on the canvas: "<Operation>: <Resource>" in their display names
 * ("Send Template: Message"), not the internal values ("sendTemplate: message").
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return (property?.options ?? []) as INodePropertyOptions[];
}

/** A subtitle expression that looks the node's resource and operation up in a table of display names. */
export function displayNameSubtitle(properties: INodeProperties[]): string {
	const resources = optionsOf(properties.find((property) => property.name === 'resource'));
	const names: Record<string, string> = {};
	for (const resource of resources) {
		const operation = properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const option of optionsOf(operation))
			names[`${String(resource.value)}:${String(option.value)}`] =
				`${option.name}: ${resource.name}`;
	}
	// An operation set by an expression is not in the table: its value is shown as it is.
	return `={{ ${JSON.stringify(names)}[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
}
