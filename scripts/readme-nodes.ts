/**
 * Keeps the README's node tables true: they are generated from `docs/nodes/<Node>.md` (each node's
 * first intro sentence and its operations table without the maintainers' Endpoint and Confidence
 * columns). `npm run docs:readme` rewrites the README; the unit suite fails when the README and the
 * docs differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const ACTION_NODES = [
	'ChakraWhatsApp',
	'ChakraWhatsAppGroup',
	'ChakraWhatsAppCalling',
	'ChakraCrm',
	'ChakraPartner',
	'ChakraPlatform',
];
const START = '<!-- NODES:START -->';
const END = '<!-- NODES:END -->';
/** Columns of the docs' operations tables that are for maintainers, not users. */
const MAINTAINER_COLUMNS = new Set(['Endpoint', 'Confidence']);

interface Doc {
	title: string;
	intro: string;
	sections: Map<string, string>;
}

function readDoc(node: string): Doc {
	const text = readFileSync(join(ROOT, 'docs', 'nodes', `${node}.md`), 'utf8').trim();
	const [titleLine, ...rest] = text.split('\n');
	const parts = rest.join('\n').trim().split(/^## /m);
	const sections = new Map<string, string>();
	for (const part of parts.slice(1)) {
		const [heading, ...content] = part.split('\n');
		sections.set(heading.trim(), content.join('\n').trim());
	}
	return { title: titleLine.replace(/^#\s+/, '').trim(), intro: parts[0].trim(), sections };
}

/** The first sentence of the intro's first paragraph, on one line. */
function firstSentence(intro: string): string {
	const paragraph = intro.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ');
	const match = /^(.*?[.:])(\s|$)/.exec(paragraph);
	return (match ? match[1] : paragraph).replace(/:$/, '.');
}

function cells(line: string): string[] {
	return line
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split('|')
		.map((cell) => cell.trim());
}

/** The first markdown table of `markdown`, without the maintainers' columns. */
function usersTable(markdown: string, node: string): string {
	const lines = markdown.split('\n').filter((line) => line.startsWith('|'));
	if (lines.length < 3)
		throw new Error(`docs/nodes/${node}.md: the Operations section has no table`);
	const header = cells(lines[0]);
	const keep = header
		.map((name, index) => (MAINTAINER_COLUMNS.has(name) ? -1 : index))
		.filter((index) => index >= 0);
	const row = (values: string[]) => `| ${keep.map((index) => values[index] ?? '').join(' | ')} |`;
	return [
		row(header),
		`|${keep.map(() => '---').join('|')}|`,
		...lines.slice(2).map((line) => row(cells(line))),
	].join('\n');
}

export function nodesSection(): string {
	const lines: string[] = [];
	for (const node of ACTION_NODES) {
		const doc = readDoc(node);
		const operations = doc.sections.get('Operations');
		if (!operations) throw new Error(`docs/nodes/${node}.md has no "## Operations" section`);
		lines.push(
			`### ${doc.title}`,
			'',
			`${firstSentence(doc.intro)} Fields and examples: [docs/nodes/${node}.md](docs/nodes/${node}.md).`,
			'',
			usersTable(operations, node),
			'',
		);
	}
	return lines.join('\n').trim();
}

export function readmeWithNodes(readme: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} / ${END} markers`);
	return `${readme.slice(0, start + START.length)}\n${nodesSection()}\n${readme.slice(end)}`;
}

if (require.main === module) {
	const path = join(ROOT, 'README.md');
	writeFileSync(path, readmeWithNodes(readFileSync(path, 'utf8')));
	console.log('README.md: node tables regenerated from docs/nodes/');
}
