// Adds translations to the four message files: node scripts/add-messages.js file.json
// where file.json maps each key to [fr, en, es, ar]. Existing keys are replaced.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCALES = ['fr', 'en', 'es', 'ar'];
const additions = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const [i, locale] of LOCALES.entries()) {
	const path = `messages/${locale}.json`;
	const messages = JSON.parse(readFileSync(path, 'utf8'));
	for (const [key, texts] of Object.entries(additions)) {
		if (!Array.isArray(texts) || texts.length !== 4) throw new Error(`${key}: need four texts`);
		messages[key] = texts[i];
	}
	writeFileSync(path, JSON.stringify(messages, null, '\t') + '\n');
}
console.log(`${Object.keys(additions).length} messages in ${LOCALES.join(', ')}`);
