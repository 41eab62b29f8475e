import { randomUUID } from 'node:crypto';

import { FAKE_IDS, deterministicBytes } from '../../fake-chakra';
import { binaryBytes, binaryProperty } from '../../harness';
import { jsonOf, usePlatformNode } from './helpers';

const PNG = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	deterministicBytes(3000, 9),
]);
const JPEG = Buffer.concat([
	Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
	deterministicBytes(1500, 5),
	Buffer.from([0xff, 0xd9]),
]);

describe('Chakra Platform: photo (C56-C58)', () => {
	const t = usePlatformNode();
	const photoOut = (id: string) => {
		const { data: _data, contentType: _type, ...photo } = t.fake.state.photos.get(id)!;
		return JSON.parse(JSON.stringify(photo)) as Record<string, unknown>;
	};

	it('C57 upload sends the binary as part "photo" with filename and filetype; C56 get returns identical bytes', async () => {
		const upload = await t.run(
			{ resource: 'photo', operation: 'upload', binaryPropertyName: 'image' },
			{ input: [{ json: {}, binary: { image: binaryProperty(PNG, 'image/png', 'shot.png') } }] },
		);
		expect(upload.error).toBeUndefined();
		expect(t.fake.requests).toHaveLength(1);
		const [request] = t.fake.requests;
		expect(request).toMatchObject({ cid: 'C57', method: 'POST', path: '/v1/ext/photo', query: {} });
		expect(request.headers.authorization).toBe(`Bearer ${t.fake.token}`);
		expect(request.multipart?.fields).toEqual({ filename: 'shot', filetype: 'png' });
		expect(Object.keys(request.multipart?.files ?? {})).toEqual(['photo']);
		expect(request.multipart?.files.photo).toMatchObject({
			filename: 'shot.png',
			contentType: 'image/png',
		});
		expect(request.multipart?.files.photo.data.equals(PNG)).toBe(true);
		const photoId = upload.items[0].json.id as string;
		expect(jsonOf(upload.items)).toEqual([photoOut(photoId)]);
		expect(upload.items[0].json).toMatchObject({
			filename: 'shot',
			filetype: 'png',
			isPublic: false,
		});

		t.fake.clearRequests();
		const download = await t.run({
			resource: 'photo',
			operation: 'get',
			photoId,
			binaryPropertyName: 'photo',
		});
		expect(download.error).toBeUndefined();
		expect(
			t.fake.requests.map((entry) => [
				entry.cid,
				entry.method,
				entry.path,
				entry.headers.authorization,
			]),
		).toEqual([['C56', 'GET', `/v1/ext/photo/${photoId}`, `Bearer ${t.fake.token}`]]);
		expect(jsonOf(download.items)).toEqual([
			{
				fileName: 'shot.png',
				mimeType: 'image/png',
				fileSize: PNG.length,
				binaryProperty: 'photo',
			},
		]);
		expect(binaryBytes(download.items[0], 'photo').equals(PNG)).toBe(true);
	});

	it('C58 upload with a client-generated UUID stores the photo under that ID; C56 returns identical bytes', async () => {
		const photoId = randomUUID();
		const upload = await t.run(
			{
				resource: 'photo',
				operation: 'upload',
				binaryPropertyName: 'data',
				uploadOptions: { photoId, filename: 'receipt' },
			},
			{
				input: [{ json: {}, binary: { data: binaryProperty(JPEG, 'image/jpeg', 'IMG_0001.JPG') } }],
			},
		);
		expect(upload.error).toBeUndefined();
		const [request] = t.fake.requests;
		expect(request).toMatchObject({
			cid: 'C58',
			method: 'POST',
			path: `/v1/ext/photo/${photoId}`,
			query: {},
		});
		expect(request.headers.authorization).toBe(`Bearer ${t.fake.token}`);
		expect(request.multipart?.fields).toEqual({ filename: 'receipt', filetype: 'jpg' });
		expect(request.multipart?.files.photo.data.equals(JPEG)).toBe(true);
		expect(jsonOf(upload.items)).toEqual([photoOut(photoId)]);
		expect(upload.items[0].json.id).toBe(photoId);

		const download = await t.run({
			resource: 'photo',
			operation: 'get',
			photoId,
			binaryPropertyName: 'data',
		});
		expect(download.error).toBeUndefined();
		expect(binaryBytes(download.items[0]).equals(JPEG)).toBe(true);
		expect(download.items[0].binary?.data).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: 'receipt.jpg',
		});
	});

	it('C57 upload takes the file type from the MIME type when the file name has no extension', async () => {
		const { error } = await t.run(
			{ resource: 'photo', operation: 'upload', binaryPropertyName: 'data' },
			{
				input: [
					{
						json: {},
						binary: { data: { ...binaryProperty(JPEG, 'image/jpeg'), fileName: 'scan' } },
					},
				],
			},
		);
		expect(error).toBeUndefined();
		expect(t.fake.requests[0].multipart?.fields).toEqual({ filename: 'scan', filetype: 'jpeg' });
	});

	it('C58 upload refuses a photo ID that is not a UUID before any request', async () => {
		const { error } = await t.run(
			{
				resource: 'photo',
				operation: 'upload',
				binaryPropertyName: 'data',
				uploadOptions: { photoId: 'photo-1' },
			},
			{ input: [{ json: {}, binary: { data: binaryProperty(PNG, 'image/png', 'a.png') } }] },
		);
		expect(error?.message).toBe('Photo ID: "photo-1" is not a valid UUID');
		expect(t.fake.requests).toHaveLength(0);
	});

	it('C57 upload without the binary property names it before any request', async () => {
		const { error } = await t.run(
			{ resource: 'photo', operation: 'upload', binaryPropertyName: 'data' },
			{ input: [{ json: {} }] },
		);
		expect(error?.message).toBe('Input Binary Field: item 0 has no binary property "data"');
		expect(t.fake.requests).toHaveLength(0);
	});

	it('C56 get refuses a photo ID that is not a UUID before any request', async () => {
		const { error } = await t.run({
			resource: 'photo',
			operation: 'get',
			photoId: 'abc',
			binaryPropertyName: 'data',
		});
		expect(error?.message).toBe('Photo ID: "abc" is not a valid UUID');
		expect(t.fake.requests).toHaveLength(0);
	});

	it("C56 get of an unknown photo shows ChakraHQ's message; Continue On Fail returns an error item", async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		const failed = await t.run({
			resource: 'photo',
			operation: 'get',
			photoId: missing,
			binaryPropertyName: 'data',
		});
		expect(failed.error?.message).toBe(`Photo not found: ${missing}`);
		const continued = await t.run(
			{ resource: 'photo', operation: 'get', photoId: missing, binaryPropertyName: 'data' },
			{ continueOnFail: true },
		);
		expect(jsonOf(continued.items)).toEqual([{ error: `Photo not found: ${missing}` }]);
	});

	it('C56 get returns a JSON answer as JSON (a photo object instead of bytes)', async () => {
		const photo = { id: FAKE_IDS.photoId, filename: 'mobile_screenshot', filetype: 'png' };
		t.fake.inject('C56', { status: 200, body: { _data: photo } });
		const { items, error } = await t.run({
			resource: 'photo',
			operation: 'get',
			photoId: FAKE_IDS.photoId,
			binaryPropertyName: 'data',
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: photo, pairedItem: { item: 0 } }]);
	});
});
