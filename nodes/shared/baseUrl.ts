/**
 * The credential's Base URL: `https://` or `http://`, a host, an optional port and an optional path
 * prefix. No login (it would replace the Bearer token with Basic auth), no query or fragment, and no
 * link-local or cloud metadata address (169.254.169.254 answers with the machine's own credentials).
 * Loopback stays allowed (local mocks and proxies).
 */
export const DEFAULT_BASE_URL = 'https://api.chakrahq.com';

/**
 * The whole rule as one pattern, for the credential test (an expression cannot import this file):
 * http(s), a host that is not link-local (169.254.x.x, [fe80::]..[febf::]) nor a metadata name, an
 * optional port and path; no login, query or fragment. baseUrlProblem() says which part is wrong.
 */
export const ACCEPTED_BASE_URL =
	/^https?:\/\/(?!169\.254\.|\[fe[89ab]|\[::ffff:(?:a9fe|169\.254)|\[fd00:ec2::254\]|100\.100\.100\.200(?:[:/]|$)|metadata(?:\.google\.internal|\.goog)?(?:[:/]|$))[^\s/?#@]+(?:\/[^\s?#]*)?$/i;

/** The credential test's refusal of a Base URL outside ACCEPTED_BASE_URL. */
export const BASE_URL_REFUSAL =
	'Base URL: use https:// or http://, a host, an optional port and path (no user name or password, query, fragment, link-local or metadata address), for example https://api.chakrahq.com';

/** Host names of cloud metadata services that are not link-local addresses. */
const METADATA_HOSTS = [
	'metadata',
	'metadata.google.internal',
	'metadata.goog',
	'100.100.100.200',
	'[fd00:ec2::254]',
];

function isLinkLocal(hostname: string): boolean {
	if (/^169\.254\.\d+\.\d+$/.test(hostname)) return true;
	const ipv6 = /^\[(.*)\]$/.exec(hostname)?.[1]?.toLowerCase();
	if (ipv6 === undefined) return false;
	if (/^fe[89ab][0-9a-f]?:/.test(ipv6)) return true;
	// IPv4-mapped form of 169.254.x.x (the URL parser writes it as ::ffff:a9fe:xxxx).
	return /^::ffff:a9fe:[0-9a-f]{1,4}$/.test(ipv6) || /^::ffff:169\.254\./.test(ipv6);
}

/** What is wrong with a Base URL, or undefined when it is usable. */
export function baseUrlProblem(raw: unknown): string | undefined {
	if (typeof raw !== 'string') return 'is not text';
	const text = raw.trim();
	if (text === '') return undefined;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return `"${text}" is not a URL`;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return `"${text}" does not start with https:// or http://`;
	if (!url.hostname) return `"${text}" has no host`;
	if (url.username !== '' || url.password !== '' || /^[a-z]+:\/\/[^/]*@/i.test(text)) {
		return 'must not hold a user name or password (the access token is the only login)';
	}
	if (text.includes('?') || text.includes('#'))
		return `"${text}" must not hold a query (?) or fragment (#)`;
	const host = url.hostname.toLowerCase();
	if (isLinkLocal(host))
		return `"${text}" points at a link-local address (${host}), which is refused`;
	if (METADATA_HOSTS.includes(host))
		return `"${text}" points at a cloud metadata address (${host}), which is refused`;
	return undefined;
}

/** The checked Base URL without surrounding whitespace and trailing slashes (the default when empty). */
export function normalizeBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	return (text === '' ? DEFAULT_BASE_URL : text).replace(/\/+$/, '');
}
