/** Shared set-up of the Chakra Platform node tests. */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { FakeChakra } from '../../fake-chakra';
import type { RunNodeResult } from '../../harness';
import { runNode } from '../../harness';

export interface PlatformTestContext {
	fake: FakeChakra;
	run(
		parameters: INodeParameters,
		options?: { input?: INodeExecutionData[]; continueOnFail?: boolean },
	): Promise<RunNodeResult>;
}

/** Starts the fake server for the file, resets it before each test, and runs the Platform node against it. */
export function usePlatformNode(): PlatformTestContext {
	const context = {} as PlatformTestContext;
	beforeAll(async () => {
		context.fake = await FakeChakra.start();
	});
	afterAll(async () => context.fake.stop());
	beforeEach(() => context.fake.reset());
	context.run = async (parameters, options = {}) =>
		await runNode({
			type: 'chakraPlatform',
			credentials: { accessToken: context.fake.token, baseUrl: context.fake.baseUrl },
			parameters,
			input: options.input,
			continueOnFail: options.continueOnFail,
		});
	return context;
}

/** A resource mapper value as the n8n editor stores it ("Map Each Column Manually"). */
export function mapperValue(
	value: Record<string, string | number | boolean | null>,
	schema: Array<{ id: string; type: string }>,
) {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: schema.map((field) => ({
			id: field.id,
			displayName: field.id,
			type: field.type,
			required: false,
			defaultMatch: false,
			display: true,
			canBeUsedToMatch: false,
		})),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	} as unknown as INodeParameters[string];
}

export function jsonOf(items: INodeExecutionData[]) {
	return items.map((item) => item.json);
}
