/**
 * Demo evaluations and bilans for the finished MESP: start and end by the
 * supervisor, each person's own view at the end, an observation, the
 * individual bilans and the worksite's collective bilan.
 */
import type { Method, MethodInput, MethodOutput } from '../src-main/shared/contract';
import type { EvaluationLevel } from '../src-main/shared/contract/evaluations';
import type { Orientation } from '../src-main/shared/contract/bilans';
import { addDays } from '../src-main/shared/dates';

type Call = <M extends Method>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

const START: EvaluationLevel[] = ['en_cours', 'non_acquis', 'en_cours', 'acquis'];
const END: EvaluationLevel[] = ['acquis', 'en_cours', 'maitrise', 'acquis'];
const SELF: EvaluationLevel[] = ['maitrise', 'acquis', 'acquis', 'en_cours'];
const ORIENTATIONS: Orientation[] = ['aci_siae', 'formation', 'emploi', 'accompagnement_social'];

export async function seedDemoEvaluations(call: Call, worksiteId: number) {
  const worksite = await call('worksites/get', { id: worksiteId });
  const lastDay = worksite.sessions.filter((s) => s.cancelledReason === null).at(-1)!.date;
  for (const [n, p] of worksite.participants.entries()) {
    const sheet = await call('evaluations/get', { participationId: p.id });
    const end = p.earlyEnd?.date ?? (lastDay < p.contract.endDate ? lastDay : p.contract.endDate);
    const levels = (scale: EvaluationLevel[]) =>
      sheet.criteria.map((c, i) => ({ criterionId: c.id, level: scale[(i + n) % scale.length]!, comment: '' }));
    await call('evaluations/save', {
      participationId: p.id,
      evaluation: {
        moment: 'debut',
        evaluator: 'encadrant',
        evaluatedOn: addDays(p.contract.startDate, 1),
        items: levels(START),
      },
    });
    await call('evaluations/save', {
      participationId: p.id,
      evaluation: { moment: 'fin', evaluator: 'encadrant', evaluatedOn: end, items: levels(END) },
    });
    await call('evaluations/save', {
      participationId: p.id,
      evaluation: { moment: 'fin', evaluator: 'participant', evaluatedOn: end, items: levels(SELF) },
    });
    if (n === 0) {
      await call('observations/add', {
        participationId: p.id,
        observation: {
          observedOn: addDays(p.contract.startDate, 2),
          kind: 'frein_possible',
          text: 'Vient à pied de loin, arrive fatigué·e (démo)',
        },
      });
    }
    await call('bilans/save', {
      participationId: p.id,
      bilan: {
        participantWords: 'Le chantier m’a redonné un rythme (démo).',
        teamAssessment: 'Progrès nets sur la sécurité et le travail en équipe (démo).',
        orientation: ORIENTATIONS[n % ORIENTATIONS.length]!,
        nextSteps: 'Rendez-vous avec le référent dans les quinze jours (démo).',
        referentToInform: 'Référent RSA du Département (démo)',
        activitiesDone: 'Fabrication de bancs et de jardinières pour les écoles (démo).',
      },
    });
  }
  await call('bilans/saveWorksite', {
    worksiteId,
    bilan: {
      production: 'Douze bancs et huit jardinières pour les écoles de la commune (démo).',
      incidents: '',
      comments: 'Un groupe soudé, une bonne assiduité (démo).',
    },
  });
}
