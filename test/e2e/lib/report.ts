/** Check runner: each check passes or fails with a reason; the summary line is `N passed, M failed`. */

export interface CheckResult {
	name: string;
	ok: boolean;
	ms: number;
	error?: string;
}

export class Report {
	readonly results: CheckResult[] = [];

	/** Runs one named check; a thrown error (or a timeout) fails it and is recorded, never rethrown. */
	async check(
		name: string,
		body: () => Promise<void> | void,
		timeoutMs = 180_000,
	): Promise<boolean> {
		const started = Date.now();
		let timer: NodeJS.Timeout | undefined;
		try {
			await Promise.race([
				Promise.resolve().then(body),
				new Promise<never>((_, reject) => {
					timer = setTimeout(
						() => reject(new Error(`timed out after ${timeoutMs / 1000}s`)),
						timeoutMs,
					);
				}),
			]);
			this.record({ name, ok: true, ms: Date.now() - started });
			return true;
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.record({ name, ok: false, ms: Date.now() - started, error: message });
			return false;
		} finally {
			clearTimeout(timer);
		}
	}

	/** Records a failure that happened outside a check (e.g. setup). */
	fail(name: string, error: unknown): void {
		this.record({
			name,
			ok: false,
			ms: 0,
			error: error instanceof Error ? error.message : String(error),
		});
	}

	get passed(): number {
		return this.results.filter((r) => r.ok).length;
	}

	get failed(): number {
		return this.results.filter((r) => !r.ok).length;
	}

	private record(result: CheckResult): void {
		this.results.push(result);
		const seconds = (result.ms / 1000).toFixed(1);
		if (result.ok) console.log(`  ok    ${result.name} (${seconds}s)`);
		else
			console.log(
				`  FAIL  ${result.name} (${seconds}s)\n        ${(result.error ?? '').split('\n').join('\n        ')}`,
			);
	}
}
