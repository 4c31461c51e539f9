// Issue 18, the inbox: a person chooses how each topic reaches them (with and without
// JavaScript), and the daily digest's unsubscribe link switches the digest off from the mail,
// with the button or the mail client's one-click POST, without signing in.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ACCOUNTS, signIn } from '../pages/session';

test.setTimeout(180_000);
const port = process.env.E2E_PORT ?? '4173';
// A member, not a coordinator: no other test reads this account's notifications or mail.
const EMAIL = ACCOUNTS.keoogoMember;

function withDatabase<T>(use: (db: Database.Database) => T): T {
	const db = new Database(readFileSync(`test-results/e2e-db-${port}.txt`, 'utf8').trim());
	db.pragma('busy_timeout = 5000');
	try {
		return use(db);
	} finally {
		db.close();
	}
}

const statusChoice = () =>
	withDatabase(
		(db) =>
			db
				.prepare(
					`SELECT delivery FROM notification_preferences p JOIN users u ON u.id = p.user_id
					 WHERE lower(u.email) = ? AND p.topic = 'status'`
				)
				.pluck()
				.get(EMAIL) as string | undefined
	);

async function choose(page: Page, topic: string, delivery: string) {
	await page.getByRole('group', { name: topic }).getByRole('radio', { name: delivery }).check();
}

test('notification preferences: change, save, reload shows the choice; without JavaScript too', async ({
	page,
	browser
}) => {
	await signIn(page, EMAIL);
	await page.goto('/account');
	const section = page.getByRole('region', { name: 'Notifications par e-mail' });
	await expect(
		section.getByRole('group', { name: 'Propositions et dates' }).getByLabel('E-mail tout de suite')
	).toBeChecked();
	await expect(
		section.getByRole('group', { name: 'Étapes des visites' }).getByLabel('Résumé quotidien')
	).toBeChecked();

	await choose(page, 'Propositions et dates', 'Résumé quotidien');
	await choose(page, 'Rappels des actions', "Dans l'application seulement");
	await section.getByRole('button', { name: 'Valider mes choix' }).click();
	await expect(section.getByRole('status')).toHaveText(
		'Vos choix de notifications sont enregistrés.'
	);
	await page.reload();
	const group = (name: string) => section.getByRole('group', { name });
	await expect(group('Propositions et dates').getByLabel('Résumé quotidien')).toBeChecked();
	await expect(
		group('Rappels des actions').getByLabel("Dans l'application seulement")
	).toBeChecked();
	await expect(group('Changements des visites').getByLabel('E-mail tout de suite')).toBeChecked();

	// The same form on a phone without JavaScript puts the defaults back.
	const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
	const plain = await context.newPage();
	await signIn(plain, EMAIL);
	await plain.goto('/account');
	await choose(plain, 'Propositions et dates', 'E-mail tout de suite');
	await choose(plain, 'Rappels des actions', 'E-mail tout de suite');
	await plain.getByRole('button', { name: 'Valider mes choix' }).click();
	await expect(plain.getByText('Vos choix de notifications sont enregistrés.')).toBeVisible();
	await plain.goto('/account');
	await expect(
		plain.getByRole('group', { name: 'Propositions et dates' }).getByLabel('E-mail tout de suite')
	).toBeChecked();
	await context.close();
});

/** A zone where it is now between 08:00 and 22:00, so the digest is due there today. */
function zoneInDaytime() {
	const zones = ['Africa/Ouagadougou', 'Asia/Tokyo', 'America/Bogota', 'Pacific/Honolulu'];
	return zones.find((timeZone) => {
		const hour = Number(
			new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(
				new Date()
			)
		);
		return hour >= 8 && hour <= 22;
	})!;
}

test('the digest’s unsubscribe link: GET asks, POST switches it off, one-click works, a forged link does nothing', async ({
	page,
	request
}) => {
	// News routed to the digest two days ago, then the job as cron runs it.
	withDatabase((db) => {
		const user = db.prepare('SELECT id FROM users WHERE lower(email) = ?').get(EMAIL) as {
			id: number;
		};
		db.prepare('UPDATE users SET time_zone = ? WHERE id = ?').run(zoneInDaytime(), user.id);
		db.prepare(
			`INSERT INTO notifications (user_id, kind, visit_id, payload, created_at, delivery)
			 VALUES (?, 'visit_status', 1, ?, ?, 'digest')`
		).run(
			user.id,
			JSON.stringify({ title: 'Une visite', status: 'confirmed' }),
			Date.now() - 2 * 86_400_000
		);
	});
	execFileSync('npm', ['run', '--silent', 'jobs', '--', 'daily-digest'], {
		env: {
			...process.env,
			DATABASE_PATH: readFileSync(`test-results/e2e-db-${port}.txt`, 'utf8').trim(),
			ORIGIN: `http://127.0.0.1:${port}`
		},
		encoding: 'utf8'
	});
	const url = withDatabase(
		(db) =>
			db
				.prepare(
					`SELECT unsubscribe_url FROM outbox WHERE lower(to_address) = ? AND kind = 'digest'
					 ORDER BY id DESC`
				)
				.pluck()
				.get(EMAIL) as string
	);
	expect(url).toMatch(new RegExp(`^http://127.0.0.1:${port}/unsubscribe/\\d+\\.[\\w-]{43}$`));

	// Opening the link (as a mail scanner would) changes nothing.
	await page.goto(url);
	await expect(page.getByRole('heading', { name: 'Arrêter le résumé quotidien' })).toBeVisible();
	expect(statusChoice() ?? 'digest').toBe('digest');
	await page.getByRole('button', { name: 'Arrêter le résumé' }).click();
	await expect(page.getByText('vous ne recevrez plus le résumé quotidien')).toBeVisible();
	expect(statusChoice()).toBe('app');

	// The mail client's one-click POST (RFC 8058): no session, no Origin header.
	withDatabase((db) =>
		db
			.prepare(
				`UPDATE notification_preferences SET delivery = 'digest' WHERE topic = 'status'
				 AND user_id = (SELECT id FROM users WHERE lower(email) = ?)`
			)
			.run(EMAIL)
	);
	const oneClick = await request.post(url, {
		form: { 'List-Unsubscribe': 'One-Click' },
		maxRedirects: 0
	});
	expect(oneClick.status()).toBe(200);
	expect(statusChoice()).toBe('app');

	// A link whose id was changed is refused and changes nothing.
	withDatabase((db) =>
		db
			.prepare(
				`UPDATE notification_preferences SET delivery = 'digest' WHERE topic = 'status'
				 AND user_id = (SELECT id FROM users WHERE lower(email) = ?)`
			)
			.run(EMAIL)
	);
	const [, id] = url.match(/\/unsubscribe\/(\d+)\./)!;
	const forged = url.replace(`/unsubscribe/${id}.`, `/unsubscribe/${id === '1' ? 2 : 1}.`);
	await page.goto(forged);
	await expect(page.getByRole('alert')).toContainText("Ce lien n'est pas valable");
	const refused = await request.post(forged, {
		form: { 'List-Unsubscribe': 'One-Click' },
		headers: { Accept: 'text/html' }
	});
	expect(refused.status()).toBe(404);
	expect(statusChoice()).toBe('digest');
});
