/** Minimal multipart/form-data parser (linear scan with Buffer.indexOf, no copies of file data). */
import type { MultipartBody } from './types';

export class MultipartError extends Error {}

export function boundaryFrom(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data/i.test(contentType.trim())) return undefined;
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!m) return undefined;
	return (m[1] ?? m[2]).trim();
}

function headerParam(value: string, name: string): string | undefined {
	const re = new RegExp(`(?:^|;)\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i');
	const m = re.exec(value);
	if (!m) return undefined;
	return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2].trim();
}

/** Parses a multipart body; throws MultipartError when malformed. */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
	const result: MultipartBody = { fields: {}, files: {} };
	const delim = Buffer.from(`--${boundary}`);
	const partEnd = Buffer.from(`\r\n--${boundary}`);
	let pos = body.indexOf(delim);
	if (pos < 0) throw new MultipartError('multipart boundary not found in body');
	pos += delim.length;
	let closed = false;
	for (let guard = 0; guard < 100_000; guard++) {
		if (body[pos] === 0x2d && body[pos + 1] === 0x2d) {
			closed = true;
			break;
		}
		if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
		else throw new MultipartError('malformed multipart delimiter line');
		const headerEnd = body.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) throw new MultipartError('multipart part headers not terminated');
		const headers: Record<string, string> = {};
		for (const line of body.toString('utf8', pos, headerEnd).split('\r\n')) {
			const i = line.indexOf(':');
			if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
		}
		const contentStart = headerEnd + 4;
		const next = body.indexOf(partEnd, contentStart);
		if (next < 0) throw new MultipartError('multipart part not terminated by a boundary');
		const disposition = headers['content-disposition'];
		if (!disposition || !/^form-data/i.test(disposition))
			throw new MultipartError('multipart part without Content-Disposition: form-data');
		const name = headerParam(disposition, 'name');
		if (name === undefined) throw new MultipartError('multipart part without a name');
		const filename = headerParam(disposition, 'filename');
		const content = body.subarray(contentStart, next);
		if (filename !== undefined) {
			result.files[name] = {
				filename,
				contentType: headers['content-type'] ?? 'application/octet-stream',
				data: content,
			};
		} else {
			result.fields[name] = content.toString('utf8');
		}
		pos = next + partEnd.length;
	}
	if (!closed) throw new MultipartError('multipart body not closed');
	return result;
}
