/**
 * The Template Variables value (a resource mapper) as the n8n editor saves it for a template send.
 * No imports: the benchmark runner uses it without loading the engine harness.
 */
export function templateVariablesValue(values: Record<string, string>, removed: string[] = []) {
	return {
		mappingMode: 'defineBelow',
		value: values,
		matchingColumns: [],
		schema: [...Object.keys(values), ...removed].map((id) => ({
			id,
			displayName: id,
			required: !removed.includes(id),
			defaultMatch: false,
			display: true,
			type: 'string',
			canBeUsedToMatch: false,
			...(removed.includes(id) ? { removed: true } : {}),
		})),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}
