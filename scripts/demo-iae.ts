/**
 * IAE eligibility in the demo, through the same RPC methods as the screens:
 * a person on the ACI eligible on the RSA with a PASS IAE delivered three
 * weeks ago, another on three level-2 criteria whose PASS IAE ends within the
 * dashboard's warning delay. Needs the demo worksites (their participants) first.
 */
import { dispatch } from '../src-main/app/dispatch';
import type { Services } from '../src-main/app/services';
import type { Session } from '../src-main/app/session';
import type { Method, MethodInput, MethodOutput } from '../src-main/shared/contract';
import { addDays } from '../src-main/shared/dates';

export async function seedDemoIae(services: Services, admin: Session, today: string) {
  const call = async <M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(services, method, input, admin);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const inWork = (await call('people/search', { status: 'en_chantier', pageSize: 100 })).rows.map((p) => p.id);
  const [first, second] = inWork;
  if (first === undefined || second === undefined) return;

  const delivered = addDays(today, -21);
  await call('iae/saveCriterion', {
    personId: first,
    criterion: { code: 'RSA', proofType: 'attestation_rsa', proofDate: addDays(delivered, -15), validUntil: null },
    path: null,
  });
  await call('iae/savePass', {
    personId: first,
    pass: { number: '99999 26 00417', startDate: delivered, endDate: null },
  });

  // Delivered 2 years minus 45 days ago: it ends in 45 days, inside the warning delay.
  const older = addDays(today, -(730 - 45) + 1);
  for (const criterion of [
    { code: 'QPV', proofType: 'justificatif_domicile', proofDate: addDays(older, -40), validUntil: null },
    { code: 'TH', proofType: 'decision_rqth', proofDate: addDays(older, -400), validUntil: addDays(older, 1500) },
    { code: 'PI', proofType: 'attestation_caf', proofDate: addDays(older, -20), validUntil: null },
  ] as const) {
    await call('iae/saveCriterion', { personId: second, criterion, path: null });
  }
  await call('iae/savePass', { personId: second, pass: { number: '99999 24 03152', startDate: older, endDate: null } });
}
