import { buildPath, ENDPOINTS, pathParameterNames } from '../../nodes/shared/endpoints';
import { referenceTable } from './apiReference';

describe('endpoint table (nodes/shared/endpoints.ts)', () => {
	const reference = referenceTable();

	it('has exactly C1..C64', () => {
		expect(Object.keys(ENDPOINTS)).toEqual(
			Array.from({ length: 64 }, (_, index) => `C${index + 1}`),
		);
		expect(reference.size).toBe(64);
	});

	it.each(Object.keys(ENDPOINTS))(
		'%s matches docs/api-reference.md section 2: method, path, envelope, confidence',
		(id) => {
			const endpoint = ENDPOINTS[id as keyof typeof ENDPOINTS];
			const row = reference.get(id)!;
			expect(endpoint.method).toBe(row.method);
			expect(endpoint.path).toBe(row.path);
			expect(endpoint.envelope).toBe(row.envelope);
			expect(endpoint.confidence).toBe(row.confidence);
		},
	);

	it('encodes every path segment that carries user data', () => {
		expect(
			buildPath('C45', {
				procedureShortId: 'lead',
				primaryKeyShortId: 'lead_id',
				primaryKeyValue: 'LEAD/001 a',
			}),
		).toBe('/v1/ext/procedure/lead/process/lead_id/LEAD%2F001%20a');
		expect(buildPath('C2', { pluginId: 'p?1', phoneNumber: '919911223344' })).toBe(
			'/v1/ext/plugin/whatsapp/p%3F1/phoneNumber/919911223344/send-template-message',
		);
		expect(pathParameterNames('C1')).toEqual(['pluginId', 'procedureShortId', 'primaryKeyOrId']);
	});

	it('refuses to build a path with a missing value', () => {
		expect(() => buildPath('C41', { procedureShortId: 'lead' })).toThrow(
			'Missing value for path parameter "processId" of C41',
		);
	});
});
