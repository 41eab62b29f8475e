/**
 * Everything a script starts registers its stopper here as soon as it exists; `run()` stops all of
 * them in reverse order (also after a failure), and Ctrl-C / SIGTERM run it before exiting.
 */
export class Cleanup {
	private readonly stoppers: { name: string; stop: () => Promise<void> }[] = [];
	private running: Promise<void> | undefined;

	add(name: string, stop: () => Promise<void>): void {
		this.stoppers.push({ name, stop });
	}

	/** Stops everything registered so far (once; later calls wait for the same run). */
	run(): Promise<void> {
		this.running ??= this.stopAll();
		return this.running;
	}

	/** On SIGINT / SIGTERM: stop everything, then exit with `code`. */
	runOnSignals(log: (line: string) => void, code = 130): void {
		const onSignal = (signal: NodeJS.Signals): void => {
			log(`${signal}: stopping everything started ...`);
			void this.run().then(() => process.exit(code));
		};
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
	}

	private async stopAll(): Promise<void> {
		while (this.stoppers.length > 0) {
			const { name, stop } = this.stoppers.pop() as { name: string; stop: () => Promise<void> };
			await stop().catch((error: Error) =>
				console.error(`stopping ${name} failed: ${error.message}`),
			);
		}
	}
}
