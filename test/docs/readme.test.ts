import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readmeWithNodes } from '../../scripts/readme-nodes';

describe('README', () => {
	const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

	it('has the node section generated from docs/nodes (run `npm run docs:readme` after editing them)', () => {
		expect(readme).toBe(readmeWithNodes(readme));
	});

	it('has one operations table row per operation, for every action node', () => {
		const operationCounts: Record<string, number> = {
			'Chakra WhatsApp': 15,
			'Chakra WhatsApp Group': 11,
			'Chakra WhatsApp Calling': 8,
			'Chakra CRM': 7,
			'Chakra Partner': 4,
			'Chakra Platform': 18,
		};
		const rows: Record<string, number> = {};
		for (const node of Object.keys(operationCounts)) {
			const start = readme.indexOf(`### ${node}\n`);
			const next = readme.indexOf('\n### ', start + 1);
			const section = readme.slice(start, next < 0 ? readme.indexOf('<!-- NODES:END -->') : next);
			rows[node] = section
				.split('\n')
				.filter((line) => /^\| [A-Z]/.test(line) && !line.startsWith('| Resource')).length;
		}
		expect(rows).toEqual(operationCounts);
	});

	it('is for users: at most 250 lines, no endpoint or confidence columns in the node tables', () => {
		expect(readme.split('\n').length).toBeLessThanOrEqual(250);
		const nodes = readme.slice(
			readme.indexOf('<!-- NODES:START -->'),
			readme.indexOf('<!-- NODES:END -->'),
		);
		expect(nodes).not.toMatch(/\| (Endpoint|Confidence) \|/);
	});
});
