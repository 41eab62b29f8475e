import { chakraMeta, findFailure, toItems, unwrapChakraData } from '../../nodes/shared/envelope';

describe('failure rule (docs/api-reference.md 1.5)', () => {
	it('accepts a 2xx chakra envelope without errors', () => {
		expect(findFailure(200, { _data: { id: 1 }, _errors: [] })).toBeUndefined();
		expect(findFailure(201, '{"_data":{}}')).toBeUndefined();
	});

	it('fails a 2xx with a non-empty _errors array as a 400-class error, joining messages', () => {
		const failure = findFailure(200, { _data: null, _errors: ['Plugin not found', 'Try again'] });
		expect(failure).toMatchObject({
			message: 'Plugin not found; Try again',
			httpCode: '400',
			rateLimited: false,
		});
	});

	it('maps a Meta error with details, code, subcode, fbtrace_id and a hint', () => {
		const failure = findFailure(400, {
			error: {
				message: 'Re-engagement message',
				type: 'OAuthException',
				code: 131047,
				error_subcode: 2494010,
				error_data: { messaging_product: 'whatsapp', details: 'More than 24 hours have passed' },
				fbtrace_id: 'AbCd',
			},
		});
		expect(failure?.message).toBe('Re-engagement message (#131047)');
		expect(failure?.description).toBe(
			[
				'More than 24 hours have passed',
				'Meta error code 131047 (subcode 2494010): More than 24 hours have passed since the customer last wrote: send a template message instead.',
				'Type: OAuthException',
				'fbtrace_id: AbCd',
			].join('\n'),
		);
		expect(failure).toMatchObject({ httpCode: '400', metaCode: 131047, rateLimited: false });
	});

	it('fails a 2xx that carries a Meta error object', () => {
		expect(findFailure(200, { error: { message: 'x', code: 100 } })).toMatchObject({
			httpCode: '400',
			message: 'x (#100)',
		});
	});

	it.each([130429, 131056, 80007, 80008])(
		'treats Meta code %i as a rate limit whatever the status',
		(code) => {
			expect(findFailure(400, { error: { message: 'slow down', code } })?.rateLimited).toBe(true);
		},
	);

	it('treats HTTP 429 as a rate limit and keeps Retry-After', () => {
		expect(
			findFailure(429, { _errors: ['Too many requests'] }, { 'Retry-After': '3' }),
		).toMatchObject({
			rateLimited: true,
			retryAfter: '3',
			httpCode: '429',
			message: 'Too many requests',
		});
	});

	it('falls back to the raw body text, then to the status', () => {
		expect(findFailure(502, 'upstream connect error')).toMatchObject({
			message: 'upstream connect error',
			httpCode: '502',
		});
		// A web page is named by its status line (issue "Hostile world", class 4).
		expect(findFailure(502, '<html>Bad gateway</html>')).toMatchObject({
			message: 'HTTP 502 Bad Gateway',
			httpCode: '502',
		});
		expect(findFailure(500, '')).toMatchObject({ message: 'Request failed with status 500' });
		expect(findFailure(500, Buffer.from('{"_errors":["boom"]}'))).toMatchObject({
			message: 'boom',
		});
	});

	it('unwraps _data and _meta, and turns lists into one item per record', () => {
		const body = { _data: [{ id: 'a' }, { id: 'b' }], _meta: { hasMore: true } };
		expect(unwrapChakraData(body)).toEqual([{ id: 'a' }, { id: 'b' }]);
		expect(chakraMeta(body)).toEqual({ hasMore: true });
		expect(chakraMeta({ _data: [] })).toEqual({});
		expect(toItems(unwrapChakraData(body))).toEqual([{ json: { id: 'a' } }, { json: { id: 'b' } }]);
		expect(toItems(null)).toEqual([{ json: { success: true } }]);
		expect(toItems('text')).toEqual([{ json: { value: 'text' } }]);
	});
});

describe('Meta messages that name their code already', () => {
	it('names the code once', () => {
		expect(
			findFailure(400, {
				error: {
					message: '(#132001) Template name does not exist in the translation',
					code: 132001,
				},
			})?.message,
		).toBe('(#132001) Template name does not exist in the translation');
	});
});
