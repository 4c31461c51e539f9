import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, setLanguage, signIn } from '../pages/session';

const shot = (name: string) => ({ path: `test-results/screens/${name}.png`, fullPage: true });
const MAY_2024 = 'Observer les classes préscolaires du Dispensaire Trottoir';
const PHONE = { width: 390, height: 844 };

const SAFIATOU = 'safiatou.congo@keoogo.example.org';
const AGATHE = 'agathe@dispensaire-trottoir.example.org';
const NATACHA = 'natacha@keoogo.example.org';

/**
 * What the delegates typed, so the figures the results must show can be computed: the two
 * submitted sheets count, the draft does not.
 */
const typed = {
	submitted: [
		{
			who: 'Safiatou Congo',
			organisation: 'KEOOGO',
			objectives: 4,
			overall: 5,
			followUp: 'Oui',
			part: 'Les visites de terrain',
			usefulActivity: 'ملاحظة الأقسام مع المربيات',
			difficulties: ''
		},
		{
			who: 'Agathe',
			organisation: 'DT',
			objectives: 2,
			overall: 3,
			followUp: 'Non',
			part: "Les observations de classes et d'activités",
			usefulActivity: '',
			difficulties: 'Le trajet depuis la gare.'
		}
	],
	draft: { who: 'Natacha', objectives: 3, practices: 'Le travail en binôme' },
	delegates: 5
};
/** "Moyenne 3,0 sur 5, réponses : 2", as the results chart names itself, from what was typed. */
function ratingSummary(key: 'objectives' | 'overall') {
	const values = typed.submitted.map((s) => s[key]);
	const mean = values.reduce((a, b) => a + b, 0) / values.length;
	return `Moyenne ${mean.toFixed(1).replace('.', ',')} sur 5, réponses : ${values.length}`;
}
const share = (n: number) => `${n} (${Math.round((100 * n) / typed.submitted.length)} %)`;

function parseCsv(text: string) {
	return text
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n')
		.map((line) =>
			[...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
				.slice(0, -1)
				.map(([, cell]) => cell.replace(/^"|"$/g, '').replaceAll('""', '"'))
		);
}

/** The newest evaluation link mailed to `email`, read from the outbox as staff. */
async function linkFromOutbox(staff: Page, email: string, containing = '') {
	await staff.goto('/admin/outbox');
	const mail = staff.locator('li.card', { hasText: email }).filter({ hasText: containing }).first();
	const body = await mail.locator('pre').textContent();
	const link = body?.match(/http:\/\/\S+\/e\/[a-z2-7]{64}\?lang=\w\w/)?.[0];
	expect(link, `an evaluation link for ${email} in the outbox`).toBeTruthy();
	return link!;
}

async function guest(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext({ locale: 'fr-FR', viewport: PHONE, ...options });
	return context.newPage();
}

const question = (page: Page, name: RegExp) => page.getByRole('group', { name });

test('staff open the evaluation, delegates answer through their links, a late one is reminded', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/visits');
	await page.getByRole('link', { name: MAY_2024 }).click();
	await expect(page).toHaveURL(/\/visits\/\d+$/);
	await page.getByRole('link', { name: 'Évaluation', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Évaluation');
	await expect(
		page.getByText("L'évaluation de cette visite n'est pas encore ouverte.")
	).toBeVisible();
	// Demo visit 1 is completed; were it not, opening early would need the confirmation box.
	const early = page.getByLabel("Je confirme : ouvrir l'évaluation avant la fin de la visite");
	if (await early.count()) {
		await page.getByRole('button', { name: "Ouvrir l'évaluation et envoyer les liens" }).click();
		await expect(page.getByText('Cochez cette case pour ouvrir')).toBeVisible();
		await early.check();
	}
	await page.getByRole('button', { name: "Ouvrir l'évaluation et envoyer les liens" }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Évaluation ouverte : lien envoyé à 5 personne(s).'
	);
	const rows = page.locator('table.roster tbody tr');
	await expect(rows).toHaveCount(5);
	await expect(rows.filter({ hasText: 'Lien envoyé' })).toHaveCount(5);
	await expect(page.locator('.summary')).toHaveText('Réponses envoyées : 0 sur 5');
	const evaluationUrl = page.url();

	// Safiatou answers on her phone, in Arabic, chosen with the page's language switcher.
	const safiatou = await guest(browser);
	await safiatou.goto(await linkFromOutbox(page, SAFIATOU));
	await expect(safiatou.getByRole('heading', { level: 1 })).toHaveText(MAY_2024);
	await expect(safiatou.getByText('Fiche de Safiatou Congo (KEOOGO)')).toBeVisible();
	await safiatou.locator('details.language summary').click();
	await safiatou.locator('details.language').getByRole('button', { name: 'العربية' }).click();
	await expect(safiatou.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(safiatou.getByText('استمارة التقييم').first()).toBeVisible();
	const [sa] = typed.submitted;
	await question(safiatou, /أهداف الزيارة/)
		.getByLabel(String(sa.objectives), { exact: true })
		.check();
	await safiatou.getByLabel(/النشاط الأكثر فائدة/).fill(sa.usefulActivity);
	await question(safiatou, /متابعة لهذا التبادل/)
		.getByLabel('نعم')
		.check();
	await question(safiatou, /الجزء الأكثر فائدة/)
		.getByLabel('الزيارات الميدانية')
		.check();
	await question(safiatou, /تقييمكم العام/)
		.getByLabel(String(sa.overall), { exact: true })
		.check();
	await safiatou.screenshot(shot('ar-evaluation-sheet-phone'));
	await safiatou.getByRole('button', { name: 'إرسال الاستمارة' }).click();
	await expect(safiatou.getByRole('status')).toHaveText('شكرًا! تم إرسال استمارتك.');
	await expect(safiatou.getByText(/أُرسلت هذه الاستمارة في/)).toBeVisible();
	await expect(safiatou.getByRole('button', { name: 'إرسال الاستمارة' })).toHaveCount(0);
	await safiatou.context().close();

	// Agathe has JavaScript turned off: a missing required answer comes back with her text kept.
	const agathe = await guest(browser, { javaScriptEnabled: false });
	const agatheLink = await linkFromOutbox(page, AGATHE);
	await agathe.goto(agatheLink);
	const agatheAnswers = typed.submitted[1];
	await question(agathe, /objectifs de la visite/)
		.getByLabel(String(agatheAnswers.objectives), { exact: true })
		.check();
	await agathe.getByLabel(/difficultés avez-vous rencontrées/).fill(agatheAnswers.difficulties);
	await agathe.getByRole('button', { name: 'Envoyer la fiche' }).click();
	await expect(agathe.getByRole('alert')).toHaveText(
		"Rien n'a été enregistré : corrigez les réponses signalées."
	);
	await expect(
		question(agathe, /note globale/).getByText('Répondez à cette question pour envoyer la fiche.')
	).toBeVisible();
	await expect(agathe.getByLabel(/difficultés avez-vous rencontrées/)).toHaveValue(
		agatheAnswers.difficulties
	);
	await expect(
		question(agathe, /objectifs de la visite/).getByLabel(String(agatheAnswers.objectives), {
			exact: true
		})
	).toBeChecked();
	await question(agathe, /Souhaitez-vous un suivi/)
		.getByLabel('Non')
		.check();
	await question(agathe, /partie du programme/)
		.getByLabel(agatheAnswers.part)
		.check();
	await question(agathe, /note globale/)
		.getByLabel(String(agatheAnswers.overall), { exact: true })
		.check();
	await agathe.screenshot(shot('fr-evaluation-sheet-phone-nojs'));
	await agathe.getByRole('button', { name: 'Envoyer la fiche' }).click();
	await expect(agathe.getByRole('status')).toHaveText('Merci ! Votre fiche est envoyée.');
	await agathe.goto(agatheLink);
	await expect(agathe.getByText(/Cette fiche a été envoyée le/)).toBeVisible();
	await expect(agathe.getByText(`${agatheAnswers.overall} / 5`)).toBeVisible();
	// A second submission (a replayed form) is refused and changes nothing.
	const again = await agathe.request.post(`${agatheLink.replace(/\?.*/, '')}?/submit`, {
		form: { q8: '1' },
		headers: { Origin: new URL(agatheLink).origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(409);
	expect(await again.text()).toContain('Cette fiche a déjà été envoyée');
	await agathe.goto(agatheLink);
	await expect(agathe.getByText(`${agatheAnswers.overall} / 5`)).toBeVisible();
	await agathe.context().close();

	// Natacha saves a draft only. First, forms the page never offers (a rating of 7, 5 001
	// characters) as a crafted request sends them: clear errors, input kept, nothing written.
	const natacha = await guest(browser);
	const natachaLink = await linkFromOutbox(page, NATACHA);
	await natacha.goto(natachaLink);
	const objectives = question(natacha, /objectifs de la visite/);
	const field = async (locator: ReturnType<Page['locator']>) =>
		(await locator.getAttribute('name'))!;
	const ratingField = await field(objectives.getByLabel('5', { exact: true }));
	const practicesField = await field(natacha.getByLabel(/pratiques allez-vous adopter/));
	const crafted = (form: Record<string, string>) =>
		natacha.request.post(`${natachaLink.replace(/\?.*/, '')}?/save`, {
			form,
			headers: { Origin: new URL(natachaLink).origin, Accept: 'text/html' },
			maxRedirects: 0
		});
	const seven = await crafted({ [ratingField]: '7', [practicesField]: 'Le travail en binôme' });
	expect(seven.status()).toBe(400);
	const sevenPage = await seven.text();
	expect(sevenPage).toContain('Choisissez une note de 1 à 5.');
	expect(sevenPage).toContain('Le travail en binôme');
	const long = await crafted({ [practicesField]: 'x'.repeat(5_001) });
	expect(long.status()).toBe(400);
	expect(await long.text()).toContain('5 000 caractères au plus (vous en avez saisi 5001).');
	await natacha.reload();
	await expect(objectives.getByRole('radio', { checked: true })).toHaveCount(0);
	await expect(natacha.getByLabel(/pratiques allez-vous adopter/)).toHaveValue('');
	await natacha.getByLabel(/pratiques allez-vous adopter/).fill('Le travail en binôme');
	await question(natacha, /objectifs de la visite/)
		.getByLabel(String(typed.draft.objectives), { exact: true })
		.check();
	await natacha.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(natacha.getByRole('status')).toHaveText(
		'Brouillon enregistré. Vous pouvez revenir plus tard avec le même lien.'
	);
	await natacha.context().close();

	// A garbled or unknown link is a plain 404 that says what to do.
	const stranger = await guest(browser);
	const res = await stranger.goto('/e/not-a-real-token');
	expect(res?.status()).toBe(404);
	await expect(
		stranger.getByText("Ce lien d'évaluation n'est pas valable ou a expiré.")
	).toBeVisible();
	await stranger.context().close();

	// Staff see who answered, and remind the others with one click.
	await page.goto(evaluationUrl);
	await expect(page.locator('.summary')).toHaveText('Réponses envoyées : 2 sur 5');
	const row = (name: string) => rows.filter({ has: page.getByRole('rowheader', { name }) });
	await expect(row('Safiatou Congo')).toContainText('Réponse envoyée');
	await expect(row('Agathe')).toContainText('Réponse envoyée');
	await expect(row('Natacha')).toContainText('Brouillon enregistré');
	await expect(row('Awa')).toContainText('Lien envoyé');
	await page.screenshot(shot('fr-evaluation-status'));
	await page
		.getByRole('button', { name: "Relancer celles et ceux qui n'ont pas envoyé leur fiche" })
		.click();
	await expect(page.getByRole('status')).toContainText('Relance envoyée à :');
	await expect(page.getByRole('status')).toContainText('Natacha');
	await expect(page.getByRole('status')).not.toContainText('Agathe');
	await expect(row('Natacha')).toContainText('relancé·e le');
	// A second click the same day reminds nobody and says why.
	await page
		.getByRole('button', { name: "Relancer celles et ceux qui n'ont pas envoyé leur fiche" })
		.click();
	await expect(page.getByRole('status')).toContainText('Déjà relancé·es il y a moins de 24 heures');
	await expect(page.getByRole('status')).not.toContainText('Relance envoyée');
	await page.screenshot(shot('fr-evaluation-reminded'));

	// The reminder carries a new link that opens Natacha's draft; the old one no longer works.
	const reminderLink = await linkFromOutbox(page, NATACHA, 'Petit rappel');
	expect(reminderLink).not.toBe(natachaLink);
	const late = await guest(browser);
	await late.goto(reminderLink);
	await expect(
		question(late, /objectifs de la visite/).getByLabel(String(typed.draft.objectives), {
			exact: true
		})
	).toBeChecked();
	await expect(late.getByLabel(/pratiques allez-vous adopter/)).toHaveValue('Le travail en binôme');
	expect((await new AxeBuilder({ page: late }).analyze()).violations).toEqual([]);
	expect((await late.goto(natachaLink))?.status()).toBe(404);
	await late.context().close();

	// The visit's history says when the evaluation was opened; the list reads right to left too.
	await page.goto(evaluationUrl.replace(/\/evaluation$/, ''));
	await expect(page.locator('ol.timeline')).toContainText(
		`Évaluation ouverte (modèle version 1), lien envoyé à ${typed.delegates} personne(s)`
	);
	await setLanguage(page, 'ar');
	await page.setViewportSize(PHONE);
	await page.goto(evaluationUrl);
	await expect(page.locator('.summary')).toHaveText(
		`الاستمارات المرسلة: ${typed.submitted.length} من ${typed.delegates}`
	);
	await page.screenshot(shot('ar-evaluation-status-phone'));
	await setLanguage(page, 'fr');
	await page.setViewportSize({ width: 1280, height: 720 });

	// The results show the means and counts of what was typed; the draft counts nowhere.
	await page.goto(`${evaluationUrl}/results`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Résultats de l'évaluation");
	const n = typed.submitted.length;
	await expect(
		page.getByText(
			`Fiches soumises : ${n} sur ${typed.delegates} (${Math.round((100 * n) / typed.delegates)} %)`
		)
	).toBeVisible();
	const chart = (position: number) =>
		page.locator('section.question').filter({ has: page.locator(`#q-${position}`) });
	await expect(chart(1).getByRole('img')).toHaveAccessibleName(ratingSummary('objectives'));
	await expect(chart(8).getByRole('img')).toHaveAccessibleName(ratingSummary('overall'));
	await expect(chart(6).getByRole('row', { name: /Oui/ })).toContainText(share(1));
	await expect(chart(6).getByRole('row', { name: /Non/ })).toContainText(share(1));
	for (const s of typed.submitted) {
		await expect(chart(7).getByRole('row', { name: s.part })).toContainText(share(1));
	}
	await expect(chart(2)).toContainText(typed.submitted[0].usefulActivity);
	await expect(chart(4)).toContainText(typed.submitted[1].difficulties);
	await expect(page.getByText(typed.draft.practices)).toHaveCount(0);
	await page.screenshot(shot('fr-evaluation-results-visit1'));

	// The CSV holds the same answers, one row per submitted sheet.
	const csv = await page.request.get(`${evaluationUrl}/results.csv`);
	expect(csv.status()).toBe(200);
	const [header, ...sheets] = parseCsv(await csv.text());
	expect(header).toHaveLength(3 + 8);
	const column = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
	const byName = new Map(sheets.map((r) => [r[0], r]));
	expect([...byName.keys()].sort()).toEqual(typed.submitted.map((s) => s.who).sort());
	for (const s of typed.submitted) {
		const row = byName.get(s.who)!;
		expect(row[1]).toBe(s.organisation);
		expect(row[column(/objectifs de la visite/)]).toBe(String(s.objectives));
		expect(row[column(/note globale/)]).toBe(String(s.overall));
		expect(row[column(/Souhaitez-vous un suivi/)]).toBe(s.followUp);
		expect(row[column(/partie du programme/)]).toBe(s.part);
		expect(row[column(/activité vous a été la plus utile/)]).toBe(s.usefulActivity);
		expect(row[column(/difficultés/)]).toBe(s.difficulties);
	}
});

test('a delegate with an account finds the sheet on the home page', async ({ page }) => {
	await signIn(page, ACCOUNTS.keoogoMember);
	const pending = page.locator('section', {
		has: page.getByRole('heading', { name: "Fiches d'évaluation à remplir" })
	});
	await pending.getByRole('link', { name: MAY_2024 }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(MAY_2024);
	await expect(page.getByText('Fiche de Awa (KEOOGO)')).toBeVisible();
	await question(page, /objectifs de la visite/)
		.getByLabel('4', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(page.getByRole('status')).toContainText('Brouillon enregistré');
	await page.goto('/');
	await expect(pending).toContainText('brouillon enregistré');
});

test('staff edit the template: a new version, checked in four languages', async ({ page }) => {
	await signIn(page, ACCOUNTS.staff);
	await page.goto('/admin/evaluation');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Modèle de fiche d'évaluation");
	const current = Number(
		(await page.locator('.version').textContent())?.match(/\d+/)?.[0] ?? 'NaN'
	);
	const questions = page.locator('ol.questions > li');
	await expect(questions).toHaveCount(8);
	await page.screenshot({ path: 'test-results/screens/fr-evaluation-template-top.png' });
	// Version 1 is used by the evaluation opened above (and the demo's, if any).
	await expect(page.getByText(/^Version 1 du .* utilisée par [1-9]\d* évaluation/)).toBeVisible();
	await page.getByRole('button', { name: 'Ajouter une question' }).click();
	await expect(questions).toHaveCount(9);
	const added = questions.nth(8);
	await added.getByLabel('Type de réponse').selectOption('choice');
	// Choosing "single choice" opens the options at once.
	await expect(added.getByLabel('Réponses proposées — Français (une par ligne)')).toBeVisible();
	await added.getByLabel('Texte — Français').fill('Combien de jours auriez-vous voulu ?');
	await added.getByLabel('Texte — English').fill('How many days would you have wanted?');
	await added.getByLabel('Réponses proposées — Français (une par ligne)').fill('Trois\nCinq');
	await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
	await expect(page.locator('.error-summary')).toBeVisible();
	await expect(added.getByText('Ce champ est obligatoire.')).toHaveCount(2);
	await expect(
		added.locator('p.error').getByText('Au moins deux réponses, une par ligne.')
	).toHaveCount(3);
	await expect(added.getByLabel('Texte — Français')).toHaveValue(
		'Combien de jours auriez-vous voulu ?'
	);
	await page.screenshot(shot('fr-evaluation-template-errors'));
	await added.getByLabel('Texte — Español').fill('¿Cuántos días habría querido?');
	await added.getByLabel('Texte — العربية').fill('كم يومًا كنت تريد؟');
	await added.getByLabel('Réponses proposées — English (une par ligne)').fill('Three\nFive');
	await added.getByLabel('Réponses proposées — Español (une par ligne)').fill('Tres\nCinco');
	await added.getByLabel('Réponses proposées — العربية (une par ligne)').fill('ثلاثة\nخمسة');
	await page.getByRole('button', { name: 'Monter la question 9' }).click();
	await expect(questions.nth(7).getByLabel('Texte — Français')).toHaveValue(
		'Combien de jours auriez-vous voulu ?'
	);
	await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
	await expect(page.getByRole('status')).toContainText(`Version ${current + 1} enregistrée`);
	await expect(page.locator('.version')).toHaveText(`Version actuelle : ${current + 1}`);
	await expect(questions).toHaveCount(9);
	await expect(questions.nth(8)).toContainText('overall');
	await page.screenshot(shot('fr-evaluation-template'));
	// Put the default questions back, as a new version again, for the tests that follow.
	await page.getByRole('button', { name: 'Retirer la question 8' }).click();
	await expect(questions).toHaveCount(8);
	await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
	await expect(page.getByRole('status')).toContainText(`Version ${current + 2} enregistrée`);
});
