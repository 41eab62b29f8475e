import { normalizePhoneNumber, isUuid } from '../../nodes/shared/validation';
import { retryDelayMs } from '../../nodes/shared/retry';
import { fileNameFromDisposition } from '../../nodes/shared/binary';
import { nextPagePath } from '../../nodes/shared/pagination';

describe('phone numbers (docs/api-reference.md 1.6)', () => {
	it.each([
		['919911223344', '919911223344'],
		['+91 99112 23344', '919911223344'],
		['+1 (332) 345-8424', '13323458424'],
		['  44.20.7946.0958 ', '442079460958'],
		[13323458424, '13323458424'],
	])('normalises %p to %p', (input, expected) => {
		expect(normalizePhoneNumber(input)).toBe(expected);
	});

	it.each([
		'',
		'12345',
		'+91 99112 2334a',
		'1234567890123456',
		'phone',
		'++919911223344',
		null,
		undefined,
		12.5,
	])('rejects %p', (input) => {
		expect(normalizePhoneNumber(input)).toBeUndefined();
	});

	it('checks UUIDs', () => {
		expect(isUuid('f03ee609-cd2d-4e61-821d-9b0531e4ad8c')).toBe(true);
		expect(isUuid('f03ee609-cd2d-4e61-821d-9b0531e4ad8')).toBe(false);
		expect(isUuid('not-a-uuid')).toBe(false);
	});
});

describe('retry delays (docs/api-reference.md 1.8)', () => {
	it('honours Retry-After in seconds and as an HTTP date', () => {
		expect(retryDelayMs(0, '2')).toBe(2000);
		expect(retryDelayMs(3, '0')).toBe(0);
		const now = Date.parse('2026-11-25T10:00:00Z');
		expect(retryDelayMs(0, 'Wed, 25 Nov 2026 10:00:05 GMT', now)).toBe(5000);
		expect(retryDelayMs(0, 'Wed, 25 Nov 2026 09:00:00 GMT', now)).toBe(0);
	});

	it('backs off exponentially with jitter when the server names no delay', () => {
		for (let attempt = 0; attempt < 5; attempt++) {
			const delay = retryDelayMs(attempt);
			const ceiling = 500 * 2 ** attempt;
			expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
			expect(delay).toBeLessThanOrEqual(ceiling);
		}
		expect(retryDelayMs(20)).toBeLessThanOrEqual(60_000);
	});
});

describe('small readers', () => {
	it('reads file names from Content-Disposition', () => {
		expect(fileNameFromDisposition('attachment; filename="invoice 7.pdf"')).toBe('invoice 7.pdf');
		expect(fileNameFromDisposition("attachment; filename*=UTF-8''caf%C3%A9.png")).toBe('café.png');
		expect(fileNameFromDisposition(undefined)).toBeUndefined();
	});

	it('reads the next-page path of C60 from the first non-empty key', () => {
		expect(nextPagePath({ next: '', nextPage: '/v1/ext/background-job/1/entries?page=2' })).toBe(
			'/v1/ext/background-job/1/entries?page=2',
		);
		expect(nextPagePath({ nextPagePath: ' /x ' })).toBe('/x');
		expect(nextPagePath({ total: 3 })).toBeUndefined();
	});
});
