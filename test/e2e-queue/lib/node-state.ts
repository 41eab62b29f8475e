/**
 * Static check for queue mode: no node keeps state in module memory between executions (a worker runs
 * executions of many workflows, and the next execution of the same workflow may run on another worker;
 * only the trigger's workflow static data, stored in the database, survives). Flags module-level
 * `let` / `var` and module-level Map / Set / WeakMap / WeakSet / arrays that some code mutates.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../../scripts/lib/n8n';

type Log = (line: string) => void;

/** Reviewed module-level objects that are not state shared between executions, with the reason. */
const REVIEWED: Record<string, string> = {
	'nodes/ChakraPartner/resources/pluginConfig/update.ts:writtenConfig':
		'WeakMap keyed by the per-item request context (preSend -> postReceive of one item in one process); entries die with the context',
	'nodes/shared/codedRouting.ts:codedRoutes':
		'WeakMap from a routing object to its typed route, written only while node descriptions are built (module load), read-only afterwards; identical in every process',
	'nodes/shared/process/platformConfig.ts:sharedConfigs':
		'WeakMap keyed by the item views of one coded bulk run (C61 fetched once per run); entries die with the run',
	'nodes/ChakraTrigger/duplicates.ts:remembered':
		'deliberate: the duplicate-delivery memory, per n8n process by design (documented: in queue mode per webhook processor), bounded to 20,000 entries and 10 minutes; a duplicate reaching another process is not dropped, which is the documented limit',
};

function tsFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return tsFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

export interface ModuleStateFinding {
	file: string;
	line: number;
	name: string;
	text: string;
	reviewed?: string;
}

export function findModuleState(root = REPO_ROOT): ModuleStateFinding[] {
	const findings: ModuleStateFinding[] = [];
	for (const file of [
		...tsFiles(path.join(root, 'nodes')),
		...tsFiles(path.join(root, 'credentials')),
	]) {
		const relative = path.relative(root, file);
		const lines = fs.readFileSync(file, 'utf8').split('\n');
		const source = lines.join('\n');
		lines.forEach((text, index) => {
			// Only top-level statements (no indentation).
			const declaration = /^(?:export )?(let|var|const) (\w+)(?::[^=]+)? = (.*)$/.exec(text);
			if (!declaration) return;
			const [, kind, name, init] = declaration;
			const collection = /^new (Map|Set|WeakMap|WeakSet)\b/.test(init);
			const emptyArrayOrObject = /^(\[\]|\{\});?$/.test(init.trim());
			const mutated = new RegExp(
				`\\b${name}(\\.(set|add|push|delete|clear|splice|pop|shift|unshift)\\(|\\[[^\\]]+\\]\\s*=[^=])`,
			).test(source);
			if (kind === 'const' && !collection && !(emptyArrayOrObject && mutated)) return;
			if (kind === 'const' && collection && !mutated) return;
			findings.push({
				file: relative,
				line: index + 1,
				name,
				text: text.trim(),
				reviewed: REVIEWED[`${relative}:${name}`],
			});
		});
	}
	return findings;
}

export function checkNoModuleState(log: Log): void {
	const findings = findModuleState();
	for (const f of findings)
		log(
			`module-level state candidate ${f.file}:${f.line} ${f.text}${f.reviewed ? `  [reviewed: ${f.reviewed}]` : ''}`,
		);
	const unreviewed = findings.filter((f) => !f.reviewed);
	if (unreviewed.length > 0) {
		throw new Error(
			`module-level mutable state in nodes/**: ${unreviewed.map((f) => `${f.file}:${f.line} ${f.name}`).join(', ')}`,
		);
	}
	log(`nodes/**: no module-level mutable state besides ${findings.length} reviewed item(s)`);
}
