/**
 * The participants of an FSE+ operation over a period, in the shape the
 * indicators table reads (`domain/fse-plus-participant.ts`). Shared by the
 * data capture and the indicators (a handler never imports another handler).
 *
 * - A participant counts when present at some point of the period: entered by
 *   its last day and not left before its first.
 * - What had not happened by the period's last day is not given: an exit after
 *   it is `null`, and so is a six-month situation observed after it.
 * - A sensitive item with no answer (entered by a role that does not see the
 *   sensitive items, or emptied by the anonymisation) is given as `refus`:
 *   like a refusal, it is counted in no category of Annex I, 1b.
 *
 * Full answers, sensitive items included: the caller decides who sees the rows
 * (the indicators table aggregates them with statistical secrecy).
 */
import type { ReadableDb } from '../../db/access';
import { participantsOfOperation } from '../../db/repositories/fse-plus';
import { fromFlag } from '../../db/flags';
import type { FseParticipant, SensitiveAnswer } from '../../domain/fse-plus-participant';

const answered = (value: SensitiveAnswer | null): SensitiveAnswer => value ?? 'refus';

export async function fseParticipants(
  db: ReadableDb,
  operationId: number,
  period: { from: string; to: string },
): Promise<FseParticipant[]> {
  const rows = await participantsOfOperation(db, operationId, period);
  return rows.map((r) => {
    const left = r.leftOn !== null && r.leftOn <= period.to;
    return {
      personId: r.personId,
      sex: r.sex,
      entry: {
        enteredOn: r.enteredOn,
        labourStatus: r.labourStatus,
        ageAtEntry: r.ageAtEntry,
        educationLevel: r.educationLevel,
        disability: answered(r.disability),
        thirdCountryNational: answered(r.thirdCountryNational),
        foreignBackground: answered(r.foreignBackground),
        minority: answered(r.minority),
        homelessOrHousingExclusion: fromFlag(r.homeless),
        ruralArea: fromFlag(r.ruralArea),
      },
      exit:
        left && r.leftOn !== null
          ? {
              leftOn: r.leftOn,
              seekingWork: r.seekingWork === 1,
              inEducationOrTraining: r.inEducationOrTraining === 1,
              gainedQualification: r.gainedQualification === 1,
              inEmployment: r.inEmploymentAtExit === 1,
            }
          : null,
      sixMonths:
        left && r.observedOn !== null && r.observedOn <= period.to
          ? {
              observedOn: r.observedOn,
              inEmployment: r.inEmploymentAtSixMonths === 1,
              improvedSituation: r.improvedSituation === 1,
            }
          : null,
    };
  });
}
