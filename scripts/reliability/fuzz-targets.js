// What the fuzz harness attacks: every form action and endpoint, the person who sends it, and
// the fields it reads (by kind, so the generator knows what "almost right" looks like).
// To cover a new route, add a row. `{token}` paths get fuzzed tokens: random, odd, and real
// evaluation links (read from the outbox after a reminder), replayed after a submit or a resend.
//
// `valid` (optional): a form that passes, which half the cases spoil one field of.
//
// Kinds: text, longtext, id, orgId, userId, date, time, datetime, email, locale, zone, enum:a|b,
// check, number, password, token, answer (a sheet's answer: rating, yes/no, option or text),
// file (sent as a file part in the multipart share of the cases: PDF, PNG or other bytes). `{id}` in a path is fuzzed with the `id` kind.
// Every POST row also gets malformed bodies built from its fields (lib.js malformedBody); a path
// ending in `?/attach` is an upload, whose oversized bodies go past the upload limit instead.

const V = 5; // the demo visit still being prepared: its agenda and delegation can change
const DONE = 1; // the demo visit that is over: follow-up (lessons, actions) happens there
const EVALUATED = 2; // the demo visit with an open evaluation and submitted sheets

/**
 * A sheet of the default template. `{qN}` is the field of its N-th question (`q<question id>`),
 * filled in by the harness; q0, q9 and q99999 are questions of no template or of another one.
 */
const SHEET = {
	valid: {
		'{q1}': '4',
		'{q2}': 'La visite du centre',
		'{q3}': 'Les fiches',
		'{q4}': '',
		'{q5}': '',
		'{q6}': '1',
		'{q7}': '0',
		'{q8}': '5'
	},
	fields: Object.fromEntries(
		['{q1}', '{q2}', '{q3}', '{q4}', '{q5}', '{q6}', '{q7}', '{q8}', 'q0', 'q9', 'q99999'].map(
			(q) => [q, 'answer']
		)
	)
};
const LESSON_FIELDS = {
	title: 'text',
	observed: 'longtext',
	adaptation: 'longtext',
	visibility: 'enum:network|participants',
	themeIds: 'id'
};
const VISIT_FIELDS = {
	title: 'text',
	objectives: 'longtext',
	startsOn: 'date',
	endsOn: 'date',
	timeZone: 'zone',
	place: 'text',
	languages: 'text',
	themeIds: 'id',
	expectedSize: 'number'
};
const ACTION_FIELDS = {
	title: 'text',
	details: 'longtext',
	ownerOrganisationId: 'orgId',
	ownerUserId: 'userId',
	dueOn: 'date',
	lessonId: 'id'
};
/** The template editor's form: `count` questions, each `q{i}.field`. */
const TEMPLATE = {
	valid: {
		count: '1',
		'q0.kind': 'rating',
		'q0.code': 'overall',
		'q0.required': 'on',
		'q0.fr': 'Note',
		'q0.en': 'Rating',
		'q0.es': 'Nota',
		'q0.ar': 'تقييم'
	},
	fields: {
		count: 'number',
		'q0.kind': 'enum:rating|text|yesno|choice|other',
		'q0.code': 'text',
		'q0.required': 'check',
		'q0.fr': 'text',
		'q0.en': 'text',
		'q0.es': 'text',
		'q0.ar': 'text',
		'q0.choices_fr': 'longtext',
		'q0.choices_ar': 'longtext',
		'q1.kind': 'enum:rating|text|yesno|choice',
		'q1.fr': 'text',
		op: 'text'
	}
};

/** A form whose only field is the id of what it acts on. */
const byId = (name, as, path, field = 'id') => ({ name, as, path, fields: { [field]: 'id' } });
/** A form with no field: the path says everything. */
const bare = (name, as, path) => ({ name, as, path, fields: {} });
/** A page or file fetched with GET and no query. */
const get = (name, as, path) => ({ ...bare(name, as, path), method: 'GET' });
/** Rows that differ only by the action at the end of their path (`{action}`). */
const eachAction = (actions, row) =>
	actions.map((action) => ({
		...row,
		name: row.name.replace('{action}', action),
		path: row.path.replace('{action}', action)
	}));

export const TARGETS = [
	// Signing in and joining
	{
		name: 'sign in',
		as: 'anonymous',
		path: '/login',
		fields: { email: 'email', password: 'password' }
	},
	{
		name: 'accept invitation',
		as: 'anonymous',
		path: '/invite/{token}',
		fields: { name: 'text', password: 'password', locale: 'locale', email: 'email' }
	},
	{
		name: 'language',
		as: 'staff',
		path: '/language',
		fields: { locale: 'locale', redirectTo: 'text' }
	},
	// Account
	{
		name: 'profile',
		as: 'coordinator',
		path: '/account?/profile',
		fields: { name: 'text', preferredLocale: 'locale', timeZone: 'zone' }
	},
	{
		name: 'password',
		as: 'coordinator',
		path: '/account?/password',
		fields: { current: 'password', next: 'password', confirm: 'password' }
	},
	byId('revoke feed', 'coordinator', '/account?/revokeFeed'),
	// Visits
	{
		name: 'new visit',
		as: 'coordinator',
		path: '/visits/new',
		fields: {
			kind: 'enum:exchange|meeting',
			...VISIT_FIELDS,
			ownId: 'orgId',
			direction: 'enum:visit|host',
			partnerId: 'orgId',
			hostId: 'orgId',
			visitorIds: 'orgId'
		}
	},
	{
		name: 'edit visit',
		as: 'staff',
		path: `/visits/${V}/edit`,
		fields: { ...VISIT_FIELDS, version: 'number' }
	},
	{
		name: 'visit transition',
		as: 'staff',
		path: `/visits/{id}?/move`,
		fields: { transition: 'enum:propose|accept|confirm|cancel|complete|close', reason: 'text' }
	},
	{
		name: 'answer invitation',
		as: 'dtCoordinator',
		path: `/visits/${V}?/answer`,
		fields: { organisationId: 'orgId', response: 'enum:accepted|declined', reason: 'text' }
	},
	{
		name: 'propose dates',
		as: 'dtCoordinator',
		path: `/visits/${V}?/dates`,
		fields: { organisationId: 'orgId', startsOn: 'date', endsOn: 'date', note: 'text' }
	},
	{
		name: 'answer dates',
		as: 'staff',
		path: `/visits/${V}?/answerDates`,
		fields: { proposalId: 'id', accept: 'enum:yes|no' }
	},
	bare('delete draft', 'staff', '/visits/{id}?/deleteDraft'),
	// Agenda
	...eachAction(['add', 'update'], {
		name: 'agenda {action}',
		as: 'staff',
		path: `/visits/${V}/agenda?/{action}`,
		valid: {
			day: '2027-01-29',
			startsAt: '14:00',
			endsAt: '15:00',
			kind: 'meeting',
			title: 'Atelier',
			parallel: 'on'
		},
		fields: {
			id: 'id',
			version: 'number',
			day: 'date',
			startsAt: 'time',
			endsAt: 'time',
			kind: 'enum:observation|workshop|meeting|meal',
			title: 'text',
			place: 'text',
			leadOrganisationId: 'orgId',
			leadName: 'text',
			notes: 'longtext',
			parallel: 'check'
		}
	}),
	...eachAction(['delete', 'move', 'duplicate', 'place'], {
		name: 'agenda {action}',
		as: 'staff',
		path: `/visits/${V}/agenda?/{action}`,
		fields: { id: 'id', day: 'date', to: 'number' }
	}),
	{
		name: 'agenda copy day',
		as: 'staff',
		path: `/visits/${V}/agenda?/copyDay`,
		fields: { from: 'date', to: 'date' }
	},
	// Delegation
	{
		name: 'delegate add',
		as: 'staff',
		path: `/visits/${V}/delegation?/add`,
		valid: { organisationId: '3', name: 'Délégué' },
		fields: {
			organisationId: 'orgId',
			name: 'text',
			function: 'text',
			email: 'email',
			userId: 'userId',
			arrivesAt: 'datetime',
			departsAt: 'datetime',
			travel: 'text',
			visa: 'text',
			accommodation: 'text'
		}
	},
	byId('delegate remove', 'staff', `/visits/${V}/delegation?/remove`),
	// Follow-up
	{
		name: 'lesson create',
		as: 'coordinator',
		path: `/visits/${DONE}/lessons?/create`,
		valid: {
			organisationId: '2',
			title: 'Leçon',
			observed: 'Observé',
			adaptation: 'À adapter',
			visibility: 'network'
		},
		fields: { organisationId: 'orgId', ...LESSON_FIELDS }
	},
	{
		name: 'action create',
		as: 'coordinator',
		path: `/visits/${DONE}/actions?/create`,
		valid: { title: 'Action', ownerOrganisationId: '2', dueOn: '2027-06-30' },
		fields: ACTION_FIELDS
	},
	{
		name: 'action progress',
		as: 'member',
		path: '/actions/{id}?/progress',
		valid: { note: 'Relancé', status: 'in_progress' },
		fields: { note: 'longtext', status: 'enum:open|in_progress|done|dropped' }
	},
	{
		name: 'action edit',
		as: 'coordinator',
		path: '/actions/1?/edit',
		fields: { ...ACTION_FIELDS, version: 'number' }
	},
	// Evaluation (issue 6). The guest sheet first, while its real links still work.
	...eachAction(['save', 'submit'], {
		name: 'guest sheet {action}',
		as: 'anonymous',
		path: '/e/{token}?/{action}',
		...SHEET
	}),
	get('guest sheet', 'anonymous', '/e/{token}'),
	{
		name: 'open evaluation',
		as: 'coordinator',
		path: '/visits/{id}/evaluation?/open',
		fields: { early: 'check', anonymous: 'check' }
	},
	bare('remind evaluation', 'staff', '/visits/{id}/evaluation?/remind'),
	byId('resend evaluation link', 'staff', `/visits/${EVALUATED}/evaluation?/resend`, 'responseId'),
	...eachAction(['edit', 'save'], {
		name: 'template {action}',
		as: 'staff',
		path: '/admin/evaluation?/{action}',
		...TEMPLATE
	}),
	// Lesson pages (issue 7): KEOOGO's lesson 1 on the visit that is over.
	{
		name: 'lesson update',
		as: 'coordinator',
		path: `/visits/${DONE}/lessons/1?/update`,
		// `{version}`: the lesson's version when the run starts (the harness reads it), so the
		// first valid form passes and later ones meet the stale-version check.
		valid: {
			title: 'Leçon revue',
			observed: 'Observé',
			adaptation: 'À adapter',
			version: '{version}'
		},
		fields: { ...LESSON_FIELDS, organisationId: 'orgId', version: 'number' }
	},
	{
		name: 'lesson attach',
		as: 'coordinator',
		path: `/visits/${DONE}/lessons/1?/attach`,
		fields: { file: 'file', other: 'file' }
	},
	byId('lesson detach', 'coordinator', `/visits/${DONE}/lessons/1?/detach`, 'attachmentId'),
	get('attachment download', 'member', '/attachments/{id}'),
	bare('lesson delete', 'coordinator', `/visits/${DONE}/lessons/{id}?/delete`),
	byId('notification read', 'coordinator', '/notifications?/read'),
	// Invitations and administration
	{
		name: 'invite',
		as: 'coordinator',
		path: '/invitations?/create',
		fields: {
			email: 'email',
			organisationId: 'orgId',
			role: 'enum:member|coordinator',
			globalRole: 'enum:member|staff|admin'
		}
	},
	byId('invitation revoke', 'coordinator', '/invitations?/revoke'),
	{
		name: 'organisation save',
		as: 'staff',
		path: '/admin/organisations/{id}?/save',
		fields: {
			name: 'text',
			shortName: 'text',
			country: 'text',
			city: 'text',
			timeZone: 'zone',
			description: 'longtext',
			isNetworkStaff: 'check',
			themeIds: 'id'
		}
	},
	...eachAction(['role', 'membership'], {
		name: 'person {action}',
		as: 'staff',
		path: '/admin/people/4?/{action}',
		fields: { organisationId: 'orgId', role: 'enum:member|coordinator' }
	}),
	{
		name: 'person global role',
		as: 'staff',
		path: '/admin/people/4?/globalRole',
		fields: { globalRole: 'enum:member|staff|admin' }
	},
	{
		name: 'theme create',
		as: 'staff',
		path: '/admin/themes?/create',
		fields: { slug: 'text', nameFr: 'text', nameEn: 'text', nameEs: 'text', nameAr: 'text' }
	},
	// Endpoints and filtered lists (query strings)
	{
		name: 'lesson search',
		as: 'member',
		method: 'GET',
		path: '/lessons',
		fields: { q: 'text', theme: 'id', org: 'orgId', page: 'number' }
	},
	{
		name: 'actions csv',
		as: 'member',
		method: 'GET',
		path: '/actions.csv',
		fields: {
			status: 'enum:open|done',
			org: 'orgId',
			visit: 'id',
			theme: 'id',
			overdue: 'check',
			due: 'number'
		}
	},
	{
		name: 'visits list',
		as: 'member',
		method: 'GET',
		path: '/visits',
		fields: { status: 'text', org: 'orgId', from: 'date', to: 'date', page: 'number' }
	},
	{
		name: 'audit log',
		as: 'staff',
		method: 'GET',
		path: '/admin/audit',
		fields: {
			entity: 'text',
			action: 'text',
			actor: 'userId',
			from: 'date',
			to: 'date',
			entityId: 'id',
			page: 'number'
		}
	},
	{
		name: 'agenda in a zone',
		as: 'member',
		method: 'GET',
		path: '/visits/{id}/agenda',
		fields: { tz: 'zone' }
	},
	get('calendar feed', 'anonymous', '/calendar/{token}.ics'),
	get('visit calendar', 'member', '/visits/{id}/agenda.ics')
];
