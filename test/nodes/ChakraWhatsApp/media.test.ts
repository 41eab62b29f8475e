import { FakeChakra, FAKE_IDS, deterministicBytes } from '../../fake-chakra';
import { binaryBytes, binaryProperty, runNode } from '../../harness';

describe('Chakra WhatsApp: media (C9, C10, C11, C12)', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const run = (
		parameters: Record<string, unknown>,
		input?: Parameters<typeof runNode>[0]['input'],
		continueOnFail = false,
	) =>
		runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: { resource: 'media', ...parameters } as never,
			input,
			continueOnFail,
		});

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C9 upload sends the binary as part "file" with its file name plus a "filename" field and returns the public URL', async () => {
		const bytes = deterministicBytes(3000, 7);
		const { items, error } = await run(
			{ operation: 'upload', pluginId: FAKE_IDS.pluginId, binaryPropertyName: 'data' },
			[{ json: {}, binary: { data: binaryProperty(bytes, 'image/png', 'banner.png') } }],
		);
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request).toMatchObject({
			cid: 'C9',
			method: 'POST',
			path: `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/upload-public-media`,
			query: {},
		});
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.multipart?.fields).toEqual({ filename: 'banner.png' });
		expect(Object.keys(request.multipart?.files ?? {})).toEqual(['file']);
		expect(request.multipart?.files.file.filename).toBe('banner.png');
		expect(request.multipart?.files.file.contentType).toBe('image/png');
		expect(request.multipart?.files.file.data.equals(bytes)).toBe(true);
		const [stored] = [...fake.state.publicMedia.values()];
		expect(items.map((item) => item.json)).toEqual([
			{ publicMediaUrl: `${fake.baseUrl}/public-media/${stored.key.split('/')[0]}/banner.png` },
		]);
	});

	it("C9 upload takes the File Name option for both the filename part and the file part (as ChakraHQ's SDK); a missing binary field is an error naming the field, before any request", async () => {
		const bytes = Buffer.from('%PDF-1.4 test');
		const { error } = await run(
			{
				operation: 'upload',
				pluginId: FAKE_IDS.pluginId,
				binaryPropertyName: 'file',
				options: { fileName: 'invoice-42.pdf' },
			},
			[
				{ json: {}, binary: { file: binaryProperty(bytes, 'application/pdf', 'x.pdf') } },
				{ json: {}, binary: { other: binaryProperty(bytes, 'application/pdf', 'x.pdf') } },
			],
		);
		expect(error?.message).toBe('Input Binary Field: item 1 has no binary property "file"');
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0].multipart?.fields).toEqual({ filename: 'invoice-42.pdf' });
		expect(fake.requests[0].multipart?.files.file.filename).toBe('invoice-42.pdf');
	});

	it('C9 upload then C10-style public download round trip: the file read back has identical bytes', async () => {
		const bytes = deterministicBytes(256 * 1024, 3);
		const { items } = await run(
			{ operation: 'upload', pluginId: FAKE_IDS.pluginId, binaryPropertyName: 'data' },
			[{ json: {}, binary: { data: binaryProperty(bytes, 'video/mp4', 'clip.mp4') } }],
		);
		const url = String(items[0].json.publicMediaUrl);
		const back = Buffer.from(await (await fetch(url)).arrayBuffer());
		expect(back.equals(bytes)).toBe(true);
	});

	it('C10 download follows the same-host redirect and returns the bytes as binary with MIME type and file name', async () => {
		const { items, error } = await run({
			operation: 'download',
			whatsappMediaId: FAKE_IDS.mediaId,
			whatsappApiVersion: 'v24.0',
			binaryPropertyName: 'photo',
		});
		expect(error).toBeUndefined();
		expect(fake.requests[0]).toMatchObject({
			cid: 'C10',
			method: 'GET',
			path: `/v1/whatsapp/v24.0/media/${FAKE_IDS.mediaId}/show`,
			query: {},
		});
		expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(fake.requests[1].path).toBe(`/media-download/${FAKE_IDS.mediaId}`);
		const media = fake.state.media.get(FAKE_IDS.mediaId)!;
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			fileName: media.filename,
			mimeType: 'image/jpeg',
			fileSize: media.data.length,
			binaryProperty: 'photo',
		});
		expect(binaryBytes(items[0], 'photo').equals(media.data)).toBe(true);
		expect(items[0].binary?.photo.fileName).toBe(media.filename);
	});

	it('C10 download of a redirect to another host drops the Authorization header and uses the File Name option', async () => {
		const { items, error } = await run({
			operation: 'download',
			whatsappMediaId: FAKE_IDS.mediaIdOtherHost,
			binaryPropertyName: 'data',
			options: { fileName: 'voice.ogg' },
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(2);
		expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(fake.requests[1].path).toBe(`/media-download/${FAKE_IDS.mediaIdOtherHost}`);
		expect(fake.requests[1].headers.authorization).toBeUndefined();
		const media = fake.state.media.get(FAKE_IDS.mediaIdOtherHost)!;
		expect(items[0].json).toEqual({
			fileName: 'voice.ogg',
			mimeType: 'audio/ogg',
			fileSize: media.data.length,
			binaryProperty: 'data',
		});
		expect(binaryBytes(items[0]).equals(media.data)).toBe(true);
	});

	it("C10 download of an unknown media id shows Meta's error; continueOnFail gives one error item per failing item, in order", async () => {
		const { items, error } = await run(
			{ operation: 'download', whatsappMediaId: '={{ $json.id }}', binaryPropertyName: 'data' },
			[
				{ json: { id: FAKE_IDS.mediaIdDocument } },
				{ json: { id: '999' } },
				{ json: { id: FAKE_IDS.mediaIdDocument } },
			],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json).toMatchObject({ fileName: 'invoice.pdf', mimeType: 'application/pdf' });
		const message =
			"Unsupported get request. Object with ID '999' does not exist, cannot be loaded due to missing permissions, or does not support this operation. (#100)";
		expect(items[1].json).toEqual({ error: message });
		expect(items[1].error?.message).toBe(message);
		expect(items[2].json).toMatchObject({ fileName: 'invoice.pdf' });
		expect(fake.requestsFor('C10').map((request) => request.params.whatsappMediaId)).toEqual([
			FAKE_IDS.mediaIdDocument,
			'999',
			FAKE_IDS.mediaIdDocument,
		]);
	});

	it('C11 get returns the media metadata as Meta sends it', async () => {
		const { items, error } = await run({
			operation: 'get',
			whatsappMediaId: FAKE_IDS.mediaIdDocument,
			whatsappApiVersion: 'v23.0',
		});
		expect(error).toBeUndefined();
		expect(fake.requests[0]).toMatchObject({
			cid: 'C11',
			method: 'GET',
			path: `/v1/whatsapp/v23.0/media/${FAKE_IDS.mediaIdDocument}`,
			query: {},
		});
		expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.token}`);
		const media = fake.state.media.get(FAKE_IDS.mediaIdDocument)!;
		expect(items.map((item) => item.json)).toEqual([
			{
				messaging_product: 'whatsapp',
				url: `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${FAKE_IDS.midDocument}&ext=${media.data.length}&hash=ATfake`,
				mime_type: 'application/pdf',
				sha256: require('node:crypto').createHash('sha256').update(media.data).digest('base64'),
				file_size: media.data.length,
				id: FAKE_IDS.mediaIdDocument,
			},
		]);
	});

	it('C12 downloadAttachment by a pasted lookaside URL forwards mid and the other parameters and returns the file', async () => {
		const lookaside = `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${FAKE_IDS.midDocument}&ext=1729230548&hash=ATu-x_Y`;
		const { items, error } = await run({
			operation: 'downloadAttachment',
			attachmentSource: 'url',
			lookasideUrl: lookaside,
			binaryPropertyName: 'data',
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0]).toMatchObject({
			cid: 'C12',
			method: 'GET',
			path: '/v1/whatsapp/v24.0/media/whatsapp_business/attachments',
			query: { mid: FAKE_IDS.midDocument, ext: '1729230548', hash: 'ATu-x_Y' },
		});
		expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.token}`);
		const media = fake.state.media.get(FAKE_IDS.mediaIdDocument)!;
		expect(items[0].json).toEqual({
			fileName: 'invoice.pdf',
			mimeType: 'application/pdf',
			fileSize: media.data.length,
			binaryProperty: 'data',
		});
		expect(binaryBytes(items[0]).equals(media.data)).toBe(true);
	});

	it('C12 downloadAttachment by mid; a URL without mid is rejected before any request', async () => {
		const ok = await run({
			operation: 'downloadAttachment',
			attachmentSource: 'mid',
			mid: FAKE_IDS.mid,
			binaryPropertyName: 'data',
		});
		expect(ok.error).toBeUndefined();
		expect(fake.requests[0].query).toEqual({ mid: FAKE_IDS.mid });
		expect(binaryBytes(ok.items[0]).equals(fake.state.media.get(FAKE_IDS.mediaId)!.data)).toBe(
			true,
		);
		fake.clearRequests();
		const bad = await run({
			operation: 'downloadAttachment',
			attachmentSource: 'url',
			lookasideUrl: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?ext=1',
			binaryPropertyName: 'data',
		});
		expect(bad.error?.message).toBe('Lookaside URL: has no mid parameter');
		expect(fake.requests).toHaveLength(0);
	});
});
