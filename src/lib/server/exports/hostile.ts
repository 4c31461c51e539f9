// Text an attacker (or a careless paste) can store, for the tests of every output format.
export const HOSTILE = [
	'=HYPERLINK("http://evil.example","x")',
	'Bilan;=HYPERLINK("http://evil.example";"x")',
	'Bilan; -2+3',
	'+33 1 23',
	'-2+3',
	'@SUM(A1)',
	'\t=1+1',
	'\r=1+1',
	' =1+1',
	'"=1+1"',
	'Réunion\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:piège',
	'Objet\r\nBcc: x@evil.example',
	'la « cantine » "scolaire", 2e; étage',
	'المندوب الجهوي للتعليم',
	'x'.repeat(40_000)
];

/** Whether a spreadsheet would run this as a formula (leading spaces and quotes skipped). */
export const startsFormula = (text: string) => /^(?:[\s"]*[=+\-@]|[\t\r])/.test(text);
