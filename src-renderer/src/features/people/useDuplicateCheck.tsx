import { useState } from 'react';
import type { PersonInput, PersonSummary } from '@shared/contract/people';
import { ApiError, call } from '../../api/client';
import { DuplicatesModal } from './DuplicatesModal';

/**
 * When main answers that a person may already exist, fetch the candidates and
 * show them; "c'est une autre personne" saves again with the confirmation.
 */
export function useDuplicateCheck() {
  const [pending, setPending] = useState<{ candidates: PersonSummary[]; retry: () => void } | null>(null);

  /** True when the error was a possible duplicate (then the modal is shown). */
  const handle = async (error: unknown, person: PersonInput, exceptId: number | null, retry: () => void) => {
    if (!(error instanceof ApiError) || error.payload.field !== 'duplicates') return false;
    const candidates = await call('people/findDuplicates', { ...person, nir: person.nir ?? '', exceptId });
    setPending({ candidates, retry });
    return true;
  };

  const modal = pending && (
    <DuplicatesModal
      candidates={pending.candidates}
      onClose={() => setPending(null)}
      onConfirm={() => {
        setPending(null);
        pending.retry();
      }}
    />
  );
  return { handle, modal };
}
