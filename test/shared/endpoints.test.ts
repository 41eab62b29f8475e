import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildPath, ENDPOINTS, pathParameterNames } from '../../nodes/shared/endpoints';

// The contract's endpoint table, read from the shared contract itself (section 2).
function contractTable(): Map<string, { method: string; path: string; confidence: string }> {
	const text = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'chakra-api.md'), 'utf8');
	const rows = new Map<string, { method: string; path: string; confidence: string }>();
	for (const line of text.split('\n')) {
		const match = /^\| (C\d+) \| [^|]+\| ([A-Z]+)(?: \(multipart\))? \| `([^`]+)`/.exec(line);
		if (!match) continue;
		const cells = line.split('|').map((cell) => cell.trim());
		rows.set(match[1], { method: match[2], path: match[3].split('?')[0], confidence: cells[7].split(' ')[0] });
	}
	return rows;
}

describe('endpoint table (nodes/shared/endpoints.ts)', () => {
	const contract = contractTable();

	it('has exactly C1..C64', () => {
		expect(Object.keys(ENDPOINTS)).toEqual(Array.from({ length: 64 }, (_, index) => `C${index + 1}`));
		expect(contract.size).toBe(64);
	});

	it.each(Object.keys(ENDPOINTS))('%s matches the contract table: method, path, confidence', (id) => {
		const endpoint = ENDPOINTS[id as keyof typeof ENDPOINTS];
		const row = contract.get(id)!;
		expect(endpoint.method).toBe(row.method);
		expect(endpoint.path).toBe(row.path);
		expect(endpoint.confidence).toBe(row.confidence);
	});

	it('encodes every path segment that carries user data', () => {
		expect(buildPath('C45', { procedureShortId: 'lead', primaryKeyShortId: 'lead_id', primaryKeyValue: 'LEAD/001 a' })).toBe(
			'/v1/ext/procedure/lead/process/lead_id/LEAD%2F001%20a',
		);
		expect(buildPath('C2', { pluginId: 'p?1', phoneNumber: '919911223344' })).toBe(
			'/v1/ext/plugin/whatsapp/p%3F1/phoneNumber/919911223344/send-template-message',
		);
		expect(pathParameterNames('C1')).toEqual(['pluginId', 'procedureShortId', 'primaryKeyOrId']);
	});

	it('refuses to build a path with a missing value', () => {
		expect(() => buildPath('C41', { procedureShortId: 'lead' })).toThrow('Missing value for path parameter "processId" of C41');
	});
});
