import { expect } from '@playwright/test';
import { HtmlValidate, type ConfigData } from 'html-validate';

/**
 * html-validate's recommended and document rules, on the HTML the server sends. Only the rules
 * that fight how Svelte and SvelteKit write their output are off, each with its reason.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
	extends: ['html-validate:recommended', 'html-validate:document'],
	rules: {
		// Svelte's server output closes void elements the XHTML way: <meta />, <input />.
		'void-style': 'off',
		// Svelte writes boolean and empty attributes with an empty value: required="", download="".
		'attribute-boolean-style': 'off',
		'attribute-empty-style': 'off',
		// Prettier writes app.html's doctype in lowercase, which HTML allows.
		'doctype-style': 'off',
		// SvelteKit's template and hydration script leave trailing spaces in the markup.
		'no-trailing-whitespace': 'off',
		// SvelteKit links its own same-origin chunks without integrity hashes (the CSP covers them).
		'require-sri': 'off',
		// Svelte's style: directive (bar lengths in charts) renders as an inline style attribute.
		'no-inline-style': 'off',
		// A page's title leads with the visit's name, which people choose and may be long.
		'long-title': 'off',
		// A group of checkboxes shares one name: the form action reads them with getAll().
		'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }]
	}
};

const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);

/** Fails with each message (rule, selector, text) when the HTML does not validate. */
export async function expectValidHtml(html: string, name: string) {
	const report = await validator.validateString(html, name);
	const messages = report.results.flatMap((r) =>
		r.messages.map((m) => `${m.ruleId} at ${m.selector ?? `${m.line}:${m.column}`}: ${m.message}`)
	);
	expect(messages, `${name} is not valid HTML`).toEqual([]);
}
