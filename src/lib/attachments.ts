// What a lesson attachment may be, shared by the upload form (to refuse a file before spending
// mobile data on it) and the server (which checks it again, and reads the type from the bytes).

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The extensions accepted, for the file picker's `accept` and the error message. */
export const ACCEPTED_EXTENSIONS = [
	'pdf',
	'png',
	'jpg',
	'jpeg',
	'webp',
	'docx',
	'xlsx',
	'pptx',
	'odt',
	'ods',
	'odp',
	'txt',
	'csv'
] as const;

/** The `accept` attribute of the file picker: ".pdf,.png,…". */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((ext) => `.${ext}`).join(',');
