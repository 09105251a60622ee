/**
 * Worksites of the demo structure, created through the same RPC methods as
 * the screens: a finished, a current and an upcoming MESP, and an ACI with
 * rolling entries (its month just ended validated for the ASP), each with its half-days (make-ups accepted), people under
 * contract and the attendance of the half-days already held. Needs the demo
 * people (seedDemoPeople) first.
 */
import { seedDemoEvaluations } from './demo-evaluations';
import { dispatch } from '../src-main/app/dispatch';
import type { Services } from '../src-main/app/services';
import type { Session } from '../src-main/app/session';
import type { Method, MethodInput, MethodOutput } from '../src-main/shared/contract';
import type { WorksiteInput } from '../src-main/shared/contract/worksites';
import { addDays, addMonths, weekdayOf } from '../src-main/shared/dates';
import { minutesToTime, timeToMinutes } from '../src-main/shared/time';

export async function seedDemoWorksites(services: Services, admin: Session, today: string) {
  const call = async <M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(services, method, input, admin);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const settings = await call('settings/get', {});
  const portage = settings.employers.find((e) => e.kind === 'association_intermediaire')!;
  const ccas = settings.employers.find((e) => e.kind !== 'association_intermediaire') ?? portage;
  // The highest rate of the table is above the SMIC whatever the start date.
  const hourlyCents = Math.max(...settings.wageRates.map((r) => r.hourlyCents));
  const monday = (offsetDays: number) => {
    const date = addDays(today, offsetDays);
    return addDays(date, -weekdayOf(date));
  };
  const mornings = [0, 1, 2, 3].map((weekday) => ({ weekday, halfDay: 'morning' as const }));
  const fullDays = [0, 1, 2, 3].flatMap((weekday) =>
    (['morning', 'afternoon'] as const).map((halfDay) => ({ weekday, halfDay })),
  );
  const base = {
    kind: 'mesp' as const,
    clientId: null,
    workAddress: 'Ateliers municipaux, Kerbrénou',
    supervisorId: null,
    coordinatorId: null,
    employerId: portage.id,
    fundersIds: [],
    weeks: 4,
    slots: mornings,
    capacity: 5,
    hours: settings.hours,
  };

  const create = async (worksite: WorksiteInput) => {
    const saved = await call('worksites/save', { worksite });
    const preview = await call('worksites/previewSchedule', { id: saved.id });
    return call('worksites/generateSessions', { id: saved.id, makeUps: preview.makeUps });
  };
  const past = await create({
    ...base,
    name: 'Menuiserie du port (démo)',
    activity: 'menuiserie',
    startDate: monday(-90),
    status: 'termine',
  });
  const current = await create({
    ...base,
    name: 'Entretien des espaces verts (démo)',
    activity: 'espaces_verts',
    startDate: monday(-14),
    status: 'en_cours',
  });
  const upcoming = await create({
    ...base,
    name: 'Lingerie solidaire (démo)',
    activity: 'lingerie',
    startDate: monday(21),
    status: 'preparation',
  });
  const aci = await create({
    ...base,
    kind: 'aci',
    name: 'Ressourcerie de Kerbrénou (démo)',
    activity: 'ressourcerie',
    employerId: ccas.id,
    startDate: monday(-56),
    weeks: 52,
    slots: fullDays,
    capacity: 12,
    status: 'en_cours',
  });

  const inWork = (await call('people/search', { status: 'en_chantier', pageSize: 100 })).rows.map((p) => p.id);
  const admitted = (await call('people/search', { status: 'admise', pageSize: 100 })).rows.map((p) => p.id);
  const join = async (worksite: MethodOutput<'worksites/get'>, personId: number, startDate: string, endDate: string) =>
    call('worksites/addParticipant', {
      id: worksite.id,
      personId,
      contract: {
        type: worksite.kind === 'aci' ? 'cddi' : 'cdd_usage',
        startDate,
        endDate,
        position: worksite.kind === 'aci' ? 'Agent valoriste' : 'Agent polyvalent',
        hourlyCents,
        handedOn: startDate <= today ? startDate : null,
        signedOn: startDate <= today ? startDate : null,
        derogationUntil: null,
        // A fictional PASS IAE for the ACI's employees (12 digits, as the ASP takes them).
        passIae: worksite.kind === 'aci' ? `9999926${String(personId).padStart(5, '0')}` : '',
      },
      confirmWarnings: true,
    });

  const pastPeople = inWork.slice(0, 3);
  for (const personId of pastPeople) await join(past, personId, past.startDate, past.endDate);
  // One left by mutual agreement in the third week.
  const left = (await call('worksites/get', { id: past.id })).participants.find((p) => p.personId === pastPeople[2]);
  if (left)
    await call('contracts/endEarly', {
      participationId: left.id,
      earlyEnd: { date: addDays(past.startDate, 16), reason: 'accord_commun' },
    });
  for (const personId of [...inWork.slice(3, 5), ...admitted.slice(0, 3)])
    await join(current, personId, current.startDate, current.endDate);
  for (const personId of admitted.slice(3, 5)) await join(upcoming, personId, upcoming.startDate, upcoming.endDate);
  // The ACI's people came in one after another (rolling entries) for six months.
  for (const [index, personId] of pastPeople.slice(0, 2).entries()) {
    const start = addDays(aci.startDate, 14 * index);
    await join(aci, personId, start, addDays(addMonths(start, 6), -1));
  }

  const withCheck = (await call('worksites/get', { id: current.id })).participants[0];
  if (withCheck) {
    await call('worksites/addAnnexTime', {
      participationId: withCheck.id,
      annexTime: {
        kind: 'visite_medicale',
        date: addDays(current.startDate, 1),
        start: '14:00',
        end: '15:30',
        paid: true,
      },
    });
  }

  // Attendance of every half-day already held: mostly present, a few late arrivals and absences.
  for (const worksite of [past, current, aci]) {
    const w = await call('worksites/get', { id: worksite.id });
    const entries = [];
    let n = 0;
    for (const session of w.sessions.filter((s) => s.date < today && s.cancelledReason === null)) {
      for (const p of w.participants) {
        if (session.date < p.contract.startDate || session.date > (p.earlyEnd?.date ?? p.contract.endDate)) continue;
        n++;
        const mark =
          n % 23 === 0
            ? { mark: 'non_justifiee' as const }
            : n % 17 === 0
              ? { mark: 'maladie' as const, proofReceived: true, proofDate: session.date }
              : n % 11 === 0
                ? { mark: 'retard' as const, actualStart: minutesToTime(timeToMinutes(session.start) + 20) }
                : { mark: 'present' as const };
        entries.push({ sessionId: session.id, participationId: p.id, mark });
      }
    }
    if (entries.length > 0) await call('attendance/save', { worksiteId: w.id, entries });
  }

  await seedDemoEvaluations(call, past.id);

  // The ACI's month just ended, validated for the ASP: its employees' fictional NIR recorded first.
  for (const p of (await call('worksites/get', { id: aci.id })).participants) {
    const r = await call('people/get', { id: p.personId });
    const body = `${r.sex === 'F' ? 2 : 1}${r.birthDate.slice(2, 4)}${r.birthDate.slice(5, 7)}29019${String(p.personId).padStart(3, '0')}`;
    const nir = `${body}${String(97 - Number(BigInt(body) % 97n)).padStart(2, '0')}`;
    await call('people/update', {
      id: r.id,
      person: {
        civility: r.civility,
        lastName: r.lastName,
        birthName: r.birthName,
        firstNames: r.firstNames,
        birthDate: r.birthDate,
        sex: r.sex,
        address: r.address,
        postcode: r.postcode,
        town: r.town,
        priorityArea: r.priorityArea,
        phone: r.phone,
        email: r.email,
        emergencyContact: r.emergencyContact,
        nationalityGroup: r.nationalityGroup,
        nir,
        prescriberId: r.prescriberId,
        referentId: r.referentId,
      },
      confirmedNotDuplicate: true,
      confirmWarnings: true,
    });
  }
  await call('asp/validate', { month: addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7), employerId: ccas.id });

  // The finished MESP's first month was sent to the portage employer.
  const sentMonth = past.startDate.slice(0, 7);
  await call('payroll/validate', { month: sentMonth, employerId: portage.id, confirmChecks: true });
  await call('payroll/transmit', { month: sentMonth, employerId: portage.id });
}
