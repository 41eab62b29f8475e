/** Shared set-up of the Group and Calling node tests: the fake server and parameter shorthands. */
import type { INodeParameters } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import type { RecordedRequest } from '../../fake-chakra';
import type { RunNodeResult } from '../../harness';
import { runNode } from '../../harness';

export interface FakeHandle {
	readonly fake: FakeChakra;
}

/** Starts the fake server for the enclosing describe block and resets it before each test. */
export function useFakeChakra(): FakeHandle {
	const handle = {} as { fake: FakeChakra };
	beforeAll(async () => {
		handle.fake = await FakeChakra.start();
	});
	afterAll(async () => handle.fake.stop());
	beforeEach(() => handle.fake.reset());
	return handle;
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const phoneNumberParameter = byId(FAKE_IDS.phoneNumberId);

/** Runs node `type` against the fake with the test credential. */
export function runAgainst(
	handle: FakeHandle,
	type: string,
	parameters: INodeParameters,
	options: { input?: Array<{ json: Record<string, unknown> }>; continueOnFail?: boolean } = {},
): Promise<RunNodeResult> {
	return runNode({
		type,
		credentials: { accessToken: handle.fake.token, baseUrl: handle.fake.baseUrl },
		parameters,
		input: options.input as never,
		continueOnFail: options.continueOnFail,
	});
}

/** The parts of a recorded request the tests assert exactly. */
export function requestSummary(request: RecordedRequest) {
	return {
		cid: request.cid,
		method: request.method,
		path: request.path,
		query: request.query,
		body: request.body,
		authorization: request.headers.authorization,
	};
}

export const jsonOf = (result: RunNodeResult) => result.items.map((item) => item.json);
