/**
 * The endpoint table of the repository's own API reference (docs/api-reference.md, section 2), as the
 * tests read it:
 * | C-id | Method | Path template | Envelope | Pagination | Confidence | What it does |
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReferenceRow {
	method: string;
	path: string;
	envelope: string;
	/** `none`, or the list style (cursor, page/limit, skip/limit, next-path). */
	pagination: string;
	confidence: string;
}

export function referenceTable(): Map<string, ReferenceRow> {
	const text = readFileSync(join(__dirname, '..', '..', 'docs', 'api-reference.md'), 'utf8');
	const rows = new Map<string, ReferenceRow>();
	for (const line of text.split('\n')) {
		const match =
			/^\| (C\d+) \| ([A-Z]+)(?: \(multipart\))? \| `([^`]+)` \| ([a-z]+) \| ([^|]+) \| ([A-Z]+) \|/.exec(
				line,
			);
		if (!match) continue;
		if (rows.has(match[1])) throw new Error(`docs/api-reference.md lists ${match[1]} twice`);
		rows.set(match[1], {
			method: match[2],
			path: match[3].split('?')[0],
			envelope: match[4],
			pagination: match[5].trim(),
			confidence: match[6],
		});
	}
	return rows;
}
