import { describe, expect, it } from 'vitest';
import { LOCALES } from './enums';
import {
	AUDIT_ACTIONS,
	AUDIT_ENTITIES,
	auditActionLabel,
	auditActionText,
	auditEntityLabel,
	auditEntityText
} from './audit';

describe('the audit log in words', () => {
	it('names every recorded action in each language, never by its code', () => {
		for (const locale of LOCALES) {
			for (const code of AUDIT_ACTIONS) {
				const words = auditActionLabel[code]({}, { locale });
				expect(words, `${code} in ${locale}`).not.toBe('');
				expect(words, `${code} in ${locale}`).not.toMatch(/^[a-z_.]+$/);
			}
			for (const code of AUDIT_ENTITIES) {
				expect(auditEntityLabel[code]({}, { locale }), `${code} in ${locale}`).not.toMatch(
					/^[a-z_.]+$/
				);
			}
		}
	});

	it('gives different actions different words (an edit and an update are one thing)', () => {
		for (const locale of LOCALES) {
			const words = AUDIT_ACTIONS.filter((c) => c !== 'edited').map((c) =>
				auditActionLabel[c]({}, { locale })
			);
			expect(new Set(words).size, locale).toBe(words.length);
		}
	});

	it('reads the way a person says it, and keeps a code it does not know', () => {
		expect(auditActionLabel.proposed({}, { locale: 'fr' })).toBe('Proposition envoyée');
		expect(auditActionLabel.dates_proposed({}, { locale: 'es' })).toBe('Otras fechas propuestas');
		expect(auditActionLabel.cancelled({}, { locale: 'ar' })).toBe('إلغاء');
		expect(auditActionText('visit.accept')).toBe('visit.accept');
		expect(auditEntityText('agenda_item')).not.toBe('agenda_item');
		expect(auditEntityText('gadget')).toBe('gadget');
	});
});
