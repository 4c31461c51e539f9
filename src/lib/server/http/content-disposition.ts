// `Content-Disposition` for anything the app sends as a file (RFC 6266): a quoted ASCII fallback
// every browser reads, and the real name as RFC 5987 `filename*` when it differs. No installed
// library writes this header (the `content-disposition` package is not a dependency), so it is
// done here, once, for attachments, exports and calendars.

const extensionOf = (filename: string) => /\.([a-z0-9]+)$/i.exec(filename)?.[1].toLowerCase() ?? '';

/** A stored name may hold anything: the header carries no control character, nor a broken pair. */
function usable(filename: string) {
	const clean = filename
		.toWellFormed()
		.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '')
		.trim();
	// Cut by characters, never inside a pair (encodeURIComponent throws on half of one).
	return [...clean].slice(0, 200).join('');
}

export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment') {
	const name = usable(filename);
	const fallback = name
		.normalize('NFD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/["\\%;]/g, '_')
		.trim();
	const ext = extensionOf(name);
	const stem = fallback.replace(/\.[^.]*$/, '');
	const plain = /[a-z0-9]/i.test(stem) ? fallback : `document${ext ? `.${ext}` : ''}`;
	if (plain === name) return `${type}; filename="${plain}"`;
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `${type}; filename="${plain}"; filename*=UTF-8''${encoded}`;
}
