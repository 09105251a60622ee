/**
 * A past and a current MESP with their generated half-days (make-ups
 * accepted), created through the same RPC methods as the screens.
 */
import { dispatch } from '../src-main/app/dispatch';
import type { Services } from '../src-main/app/services';
import type { Session } from '../src-main/app/session';
import type { Method, MethodInput, MethodOutput } from '../src-main/shared/contract';
import { addDays } from '../src-main/shared/dates';

export async function seedDemoWorksites(services: Services, admin: Session, today: string) {
  const call = async <M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(services, method, input, admin);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const settings = await call('settings/get', {});
  const portage = settings.employers.find((e) => e.kind === 'association_intermediaire')!;
  // Mondays: one about three months ago, one two weeks ago.
  const monday = (daysAgo: number) => {
    const date = addDays(today, -daysAgo);
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    return addDays(date, -weekday);
  };
  const worksites = [
    { name: 'Menuiserie du port (démo)', activity: 'menuiserie' as const, startDate: monday(90), status: 'termine' as const },
    { name: 'Entretien des espaces verts (démo)', activity: 'espaces_verts' as const, startDate: monday(14), status: 'en_cours' as const },
  ];
  for (const w of worksites) {
    const saved = await call('worksites/save', {
      worksite: {
        ...w,
        kind: 'mesp',
        clientId: null,
        workAddress: 'Ateliers municipaux, Kerbrénou',
        supervisorId: null,
        coordinatorId: null,
        employerId: portage.id,
        fundersIds: [],
        weeks: 4,
        slots: [0, 1, 2, 3].map((weekday) => ({ weekday, halfDay: 'morning' as const })),
        capacity: 5,
        hours: settings.hours,
      },
    });
    const preview = await call('worksites/previewSchedule', { id: saved.id });
    await call('worksites/generateSessions', { id: saved.id, makeUps: preview.makeUps });
  }
}
