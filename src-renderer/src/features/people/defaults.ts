import type { SituationInput } from '@shared/contract/people';

export function emptySituation(today: string): SituationInput {
  return {
    observedOn: today,
    resources: null as never,
    rsaMonths: null,
    franceTravailSince: null,
    educationLevel: null as never,
    rqth: 'inconnu',
    housing: '',
    drivingLicence: false,
    vehicle: false,
    publicTransport: false,
  };
}

/** Form values of the optional number input: '' means none. */
export function normaliseSituation(s: SituationInput): SituationInput {
  const months = s.rsaMonths as number | string | null;
  return { ...s, rsaMonths: months === '' || months === null ? null : Number(months) };
}

export function todayInFrance(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}
