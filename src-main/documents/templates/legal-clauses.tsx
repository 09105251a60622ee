/**
 * The legal sentences a contract and a convention share, each beside the
 * article it applies, so that one wording serves every document.
 */
import { employeeOf } from '../../domain/agreement';
import { ppeList } from '../../domain/ppe';
import { COLLECTIVE_AGREEMENTS } from '../../shared/collective-agreements';
import { theOrganisation } from '../../shared/organisation';
import { formatDuration } from '../../shared/time';
import { longFrenchDate } from '../../shared/dates';
import { tenthOf } from '../../domain/complementary';
import type { EmployerParty, ParticipationDocumentData } from '../data';

type Employee = ReturnType<typeof employeeOf>;

/** L1242-12, 5°: the agreement's title with its IDCC, or that none applies. */
export function agreementSentence(employer: EmployerParty): string {
  const title = employer.collectiveAgreement ? COLLECTIVE_AGREEMENTS[employer.collectiveAgreement].title : null;
  return title
    ? `Convention collective applicable : ${title}.`
    : 'Aucune convention collective n’est applicable à l’employeur.';
}

/** L1242-12, 8°: the name and address of the complementary pension fund and, where there is one, of the provident body. */
export function PensionAndProvident({ employer }: { employer: EmployerParty }) {
  return (
    <p>
      Caisse de retraite complémentaire : {employer.pensionFund}, {employer.pensionFundAddress}.{' '}
      {employer.providentBody.trim() !== ''
        ? `Organisme de prévoyance : ${employer.providentBody}, ${employer.providentBodyAddress}.`
        : 'L’employeur n’adhère à aucun organisme de prévoyance.'}
    </p>
  );
}

/**
 * L1242-12, 4° and L4154-2: whether the post is on the employer's list of
 * posts with particular risks and, when it is, the reinforced safety training,
 * welcome and information the person receives.
 */
export function ParticularRisk({ particularRisk, employee }: { particularRisk: boolean; employee: Employee }) {
  return particularRisk ? (
    <p>
      Ce poste figure sur la liste des postes présentant des risques particuliers pour la santé ou la sécurité établie
      par l’employeur (article L4154-2 du Code du travail). À ce titre, {employee.the} bénéficie, avant sa prise de
      poste, d’une formation renforcée à la sécurité ainsi que d’un accueil et d’une information adaptés.
    </p>
  ) : (
    <p>
      Ce poste ne figure pas sur la liste des postes présentant des risques particuliers pour la santé ou la sécurité
      établie par l’employeur (article L4154-2 du Code du travail). {employee.The} reçoit la formation pratique et
      appropriée à la sécurité due à tout salarié à son arrivée (article L4141-2).
    </p>
  );
}

/**
 * The one EPI wording (see domain/ppe.ts): what, supplied by whom, free of
 * charge. `audience` picks the voice: the contract and the convention speak of
 * the person, the convocation speaks to them.
 */
export function ppeSentence(
  d: Pick<ParticipationDocumentData, 'worksite' | 'structure'>,
  audience: 'contract' | 'convention' | 'letter',
  employee?: Employee,
): string {
  const list = ppeList(d.worksite.activity);
  const supplier = theOrganisation(d.structure.name);
  switch (audience) {
    case 'letter':
      return `Vos équipements de protection individuelle (${list}) vous sont fournis gratuitement par ${supplier} : vous n’avez pas à les acheter ni à les apporter.`;
    case 'convention':
      return `${employee?.The ?? 'La personne'} utilise les équipements suivants : ${list}, ainsi que ceux que prévoit l’évaluation des risques du chantier. Ils sont fournis gratuitement par l’utilisateur, qui en assure l’entretien et le remplacement ; l’association intermédiaire n’en fournit pas (article R5132-20, 6°, du Code du travail).`;
    default:
      return `Les équipements de protection individuelle nécessaires au poste (${list}) lui sont fournis gratuitement par ${supplier}, organisateur du chantier, qui en assure l’entretien et le remplacement (article R4323-95 du Code du travail) ; ${employee?.he ?? 'elle'} s’engage à les porter et à respecter les consignes de sécurité du chantier.`;
  }
}

const MINIMUM_PART_TIME_MINUTES = 24 * 60;

/**
 * L3123-6 for a part-time contract: the limits of heures complémentaires
 * (one tenth, L3123-28; +10 %, L3123-29; never up to the legal duration,
 * L3123-9) and, under 24 h a week, the derogation that applies: the insertion
 * pathway for an association intermédiaire (L5132-7, to the minimum of
 * L3123-7); the préfet's derogation under 20 h for a CDDI (L5132-15-1 and its
 * decree); otherwise the person's written request (L3123-7).
 */
export function PartTimeClauses({ d, employee }: { d: ParticipationDocumentData; employee: Employee }) {
  const { contract } = d;
  const tenth = tenthOf(contract.weeklyMinutes);
  return (
    <>
      {contract.weeklyMinutes < MINIMUM_PART_TIME_MINUTES && contract.type === 'cdd_usage' && (
        <p>
          La durée du travail est inférieure à la durée minimale de 24 heures par semaine prévue à l’article L3123-7 du
          Code du travail : cette durée réduite est proposée par l’association intermédiaire en application de l’article
          L5132-7, le parcours d’insertion {employee.ofThe} le justifiant.
        </p>
      )}
      {contract.weeklyMinutes < MINIMUM_PART_TIME_MINUTES && contract.type === 'cddi' && (
        <p>
          La durée du travail est inférieure à la durée minimale de 24 heures par semaine prévue à l’article L3123-7 du
          Code du travail, dans le cadre du parcours d’insertion prévu à l’article L5132-15-1
          {contract.derogationUntil
            ? ` ; elle est inférieure à 20 heures en vertu d’une dérogation accordée jusqu’au ${longFrenchDate(contract.derogationUntil)}.`
            : ' ; elle est d’au moins 20 heures par semaine.'}
        </p>
      )}
      {contract.weeklyMinutes < MINIMUM_PART_TIME_MINUTES && contract.type === 'autre' && (
        <p>
          La durée du travail est inférieure à la durée minimale de 24 heures par semaine : elle est fixée à la demande
          écrite et motivée {employee.ofThe}
          (article L3123-7 du Code du travail).
        </p>
      )}
      <p>
        Des heures complémentaires peuvent être demandées dans la limite d’un dixième de la durée prévue au contrat,
        soit {formatDuration(tenth)} par semaine (article L3123-28) ; chacune est majorée de 10 % (article L3123-29).
        Elles ne peuvent porter la durée du travail au niveau de la durée légale (article L3123-9). Le refus d’en
        effectuer au-delà de ces limites, ou lorsque {employee.the} en est {employee.e('informé', 'informée')} moins de
        trois jours à l’avance, ne constitue ni une faute ni un motif de licenciement (article L3123-10).
      </p>
    </>
  );
}
