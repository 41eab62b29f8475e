/**
 * Keeps the README's node section true: it is generated from `docs/nodes/<Node>.md` (each node's
 * intro and operations table, and the trigger's whole set-up guide). `npm run docs:readme` rewrites
 * the README; the unit suite fails when the README and the docs differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const ACTION_NODES = ['ChakraWhatsApp', 'ChakraWhatsAppGroup', 'ChakraWhatsAppCalling', 'ChakraCrm', 'ChakraPartner', 'ChakraPlatform'];
const TRIGGER = 'ChakraTrigger';
const START = '<!-- NODES:START -->';
const END = '<!-- NODES:END -->';

interface Doc {
	title: string;
	intro: string;
	sections: Map<string, string>;
	body: string;
}

function readDoc(node: string): Doc {
	const text = readFileSync(join(ROOT, 'docs', 'nodes', `${node}.md`), 'utf8').trim();
	const [titleLine, ...rest] = text.split('\n');
	const body = rest.join('\n').trim();
	const parts = body.split(/^## /m);
	const sections = new Map<string, string>();
	for (const part of parts.slice(1)) {
		const [heading, ...content] = part.split('\n');
		sections.set(heading.trim(), content.join('\n').trim());
	}
	return { title: titleLine.replace(/^#\s+/, '').trim(), intro: parts[0].trim(), sections, body };
}

function demote(markdown: string, levels: number): string {
	return markdown.replace(/^(#+) /gm, (_match, hashes: string) => `${'#'.repeat(Math.min(hashes.length + levels, 6))} `);
}

function anchor(title: string): string {
	return title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

export function nodesSection(): string {
	const actions = ACTION_NODES.map(readDoc);
	const lines: string[] = ['## Nodes and operations', ''];
	lines.push(
		'Every action node takes the **Chakra API** credential, can be used as a tool by the AI Agent node, and has the option **Max Retries on Rate Limit**. Endpoints are named by their id in [docs/api-reference.md](docs/api-reference.md) (C1-C64); **DERIVED** ones are listed [below](#derived-endpoints).',
		'',
	);
	lines.push(...actions.map((doc) => `- [${doc.title}](#${anchor(doc.title)})`), `- [Chakra Trigger](#chakra-trigger)`, '');
	for (const [index, doc] of actions.entries()) {
		const operations = doc.sections.get('Operations');
		if (!operations) throw new Error(`docs/nodes/${ACTION_NODES[index]}.md has no "## Operations" section`);
		lines.push(`### ${doc.title}`, '', doc.intro, '', demote(operations, 2), '', `Fields, behaviour and examples: [docs/nodes/${ACTION_NODES[index]}.md](docs/nodes/${ACTION_NODES[index]}.md).`, '');
	}
	const trigger = readDoc(TRIGGER);
	lines.push(`## Chakra Trigger`, '', demote(trigger.body, 1), '');
	return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
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
	console.log('README.md: node section regenerated from docs/nodes/');
}
