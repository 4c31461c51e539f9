import { addDays } from 'date-fns';
import type { NotificationKind } from '../../enums';
import type { NotificationPayload } from '../../i18n/notifications';

export type DemoNotification = {
	/** E-mail of the demo account told. */
	to: string;
	kind: NotificationKind;
	/** Exact title of the demo visit it is about. */
	visit: string;
	payload: NotificationPayload;
	at: Date;
};

const DT = 'coordinator@dispensaire-trottoir.example.org';
const PROPOSAL = 'Découvrir la pédagogie préscolaire du Dispensaire Trottoir';
const TANGIERS = 'Communauté de pratiques et de savoirs : accompagner autrement les familles';
const MAY_VISIT = 'Observer les classes préscolaires du Dispensaire Trottoir';

/**
 * What the Dispensaire Trottoir coordinator has been told and not read yet: RACINES's proposal
 * still waiting for an answer (as old as the proposal), and two earlier visits becoming completed.
 */
export function demoNotifications(now: Date): DemoNotification[] {
	return [
		{
			to: DT,
			kind: 'visit_proposed',
			visit: PROPOSAL,
			payload: { organisation: 'RACINES', title: PROPOSAL },
			at: addDays(now, -20)
		},
		{
			to: DT,
			kind: 'visit_status',
			visit: TANGIERS,
			payload: { title: TANGIERS, status: 'completed' },
			at: new Date('2024-11-03T06:00:00Z')
		},
		{
			to: DT,
			kind: 'visit_status',
			visit: MAY_VISIT,
			payload: { title: MAY_VISIT, status: 'completed' },
			at: new Date('2024-05-11T06:00:00Z')
		}
	];
}
