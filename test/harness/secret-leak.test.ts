import { assertNoSecretLeak } from './index';

describe('the suite-wide secret check', () => {
	const credentials = {
		accessToken: 'sentinel-token-123',
		baseUrl: 'http://127.0.0.1:9',
		webhookSecret: 'sentinel-secret-456',
	};

	it('passes clean output', () => {
		expect(() =>
			assertNoSecretLeak(
				{ items: [{ json: { ok: true } }], error: new Error('Bad request') },
				credentials,
			),
		).not.toThrow();
	});

	it.each([
		['an item', { items: [{ json: { echoed: 'Bearer sentinel-token-123' } }] }],
		['an error message', { items: [], error: new Error('token sentinel-token-123 refused') }],
		[
			'an error cause',
			{
				items: [],
				error: Object.assign(new Error('x'), {
					cause: { headers: { authorization: 'Bearer sentinel-token-123' } },
				}),
			},
		],
		[
			'an error description',
			{
				items: [],
				error: Object.assign(new Error('x'), { description: 'secret sentinel-secret-456' }),
			},
		],
		['a response body', { items: [], error: 'signature of sentinel-secret-456' }],
	])('fails when a secret is in %s', (_where, result) => {
		expect(() => assertNoSecretLeak(result, credentials)).toThrow('Secret leak');
	});
});
