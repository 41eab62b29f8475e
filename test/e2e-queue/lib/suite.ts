/** Runs a suite's main function and exits with its code; an unexpected throw still ends with the summary line. */
export function runSuite(main: () => Promise<number>): void {
	main().then(
		(code) => process.exit(code),
		(error: Error) => {
			console.error(error);
			console.log('0 passed, 1 failed');
			process.exit(1);
		},
	);
}
