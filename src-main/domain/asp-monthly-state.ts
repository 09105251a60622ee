/**
 * The ASP monthly state of an ACI (« état mensuel individuel », Extranet IAE
 * 2.0): for each CDDI contract active in the month, the hours, whether the
 * employee is still accompanied, the actual end date and the exit reason. The
 * State pays the aide au poste on it (Code du travail R5132-27 and following
 * for the ACI), monthly, regularised on the real occupation.
 *
 * Sources, read on the open data the ASP publishes (fluxIAE), whose columns
 * the inclusion platform imports (gip-inclusion/les-emplois,
 * `populate_metabase_fluxiae.py`, `FLUX_IAE_MODELS["fluxIAE_EtatMensuelIndiv"]`):
 * `emi_sme_mois`/`emi_sme_annee` (the month), `emi_ctr_id` (the contract),
 * `emi_nb_heures_travail` (hours, a whole number), `emi_nb_heures_facturees`
 * (billed hours, AI and ETTI only: not an ACI's), `emi_salarie_tjs_accomp`
 * (still accompanied), `emi_date_fin_reelle` (actual end, JJ/MM/AAAA) and
 * `emi_motif_sortie_id` (exit reason, whose category is one of
 * `fluxIAE_RefCategorieSort`: Emploi durable, Emploi de transition, Sorties
 * positives, Autres sorties, Retrait des sorties constatées).
 *
 * Hours come from the very pay lines of the payroll hand-off
 * (domain/pay-lines.ts): the paid hours of the month's own lines, without the
 * régularisations of earlier months (those were declared with their month).
 */
import type { PayLine } from './pay-lines';
import { centiHoursOf } from './pay-lines';
import type { ObstacleKind, OutcomeCategory, JourneyStatus } from '../shared/contract/journey-lists';
import type { AspDifficulty, AspExitCategory } from '../shared/contract/asp';
import { formatFrenchDate } from '../shared/dates';
import { nirValid } from '../shared/identifiers';

/**
 * The one mapping from the app's exit categories (the IAE national ones,
 * OutcomesTable.category) to the ASP's `fluxIAE_RefCategorieSort`. The
 * inclusion community's definitions (« Les sorties dynamiques dans l’IAE »,
 * communaute.inclusion.beta.gouv.fr): durable = CDI, CDD or interim of 6
 * months and more, public service, business creation; transition = shorter
 * CDD or interim, subsidised contract; positive = qualifying training, hiring
 * by another SIAE; every other exit (jobseeker, inactive, no news) is « Autres
 * sorties ». « Retrait des sorties constatées » (an exit the ASP does not count:
 * death, long illness, maternity, move…) is chosen by hand on the Extranet:
 * no outcome of the app means it.
 */
export const ASP_EXIT_OF_OUTCOME: Readonly<Record<OutcomeCategory, AspExitCategory>> = {
  emploi_durable: 'emploi_durable',
  emploi_transition: 'emploi_transition',
  sortie_positive: 'sorties_positives',
  autre_sortie: 'autres_sorties',
  sans_nouvelles: 'autres_sorties',
};

/**
 * The one mapping from the app's freins to the difficulties the ASP records
 * for an IAE employee's accompaniment (fluxIAE « accompagnement »:
 * `acc_dif_nb_sal_conc_illetrisme`, `_sante`, `_heberg`, `_demarch`,
 * `_mobilite`, `_surendet`, `_justice`, `_manque_dispo`, as the inclusion
 * platform's pilotage queries read them). A frein with no ASP counterpart
 * (digital skills, self-confidence, other) maps to null: kept in Passerelle only.
 */
export const ASP_DIFFICULTY_OF_OBSTACLE: Readonly<Record<ObstacleKind, AspDifficulty | null>> = {
  mobilite: 'mobilite',
  sante: 'sante',
  logement: 'hebergement',
  garde_enfants: 'manque_disponibilite',
  langue: 'illettrisme',
  numerique: null,
  budget: 'surendettement',
  justice: 'justice',
  administratif: 'demarches_administratives',
  confiance: null,
  autre: null,
};

/** Pay items that are time worked (normal, complementary, paid annex times): the rest paid is time off paid. */
const WORKED_ITEMS = new Set<PayLine['item']>(['heures_normales', 'hc_10', 'hc_25', 'temps_annexe']);

/**
 * The month's hours on the ASP state, in minutes, from the hand-off's pay
 * lines: `paid` every paid line of the month (worked, paid annex times,
 * public holidays, cancelled half-days and absences paid), `worked` those
 * actually worked. Unpaid absences (rate 0) and régularisations of earlier
 * months do not count. Never negative: a month's own lines are.
 */
export function aspMinutesOf(
  lines: readonly Pick<PayLine, 'item' | 'minutes' | 'rateCentiCents' | 'regularisation'>[],
): {
  paid: number;
  worked: number;
} {
  let paid = 0;
  let worked = 0;
  for (const l of lines) {
    if (l.regularisation || l.item === 'regularisation' || l.rateCentiCents === 0) continue;
    paid += l.minutes;
    if (WORKED_ITEMS.has(l.item)) worked += l.minutes;
  }
  return { paid, worked };
}

/** The ASP's whole hours (`emi_nb_heures_travail` is an integer): half an hour and more rounds up. */
export function aspWholeHours(minutes: number): number {
  return Math.floor((minutes + 30) / 60);
}

/** What the ASP expects of a name: capitals without accents (as the inclusion platform sends them, `unidecode(...).upper()`). */
export function aspName(text: string): string {
  return text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleUpperCase('fr-FR');
}

/**
 * Lengths and characters checked before export. The Extranet's own
 * specification is not public: the lengths are those of the inclusion
 * platform's ASP records (PASS IAE `approval_number`, 12 characters;
 * ASP labels of 50 at most, `itou/asp/models.py`); names are letters,
 * space, hyphen and apostrophe once transliterated.
 */
export const ASP_LIMITS = { lastName: 50, firstNames: 50, passIae: 12 } as const;
const NAME_PATTERN = /^[A-Z](?:[A-Z' -]*[A-Z])?$/;
const PASS_IAE_PATTERN = /^[0-9A-Z]{12}$/;

export interface AspProblem {
  field: 'nom' | 'prenoms' | 'nir' | 'pass_iae' | 'sortie';
  /** In French, saying what to fix and where. */
  message: string;
}

/** The checks of one row's fields, in the ASP's formats; an empty list when it can be exported. */
export function aspFieldProblems(p: {
  lastName: string;
  firstNames: string;
  nir: string | null;
  passIae: string;
}): AspProblem[] {
  const out: AspProblem[] = [];
  const name = (field: 'nom' | 'prenoms', label: string, raw: string, max: number) => {
    const value = aspName(raw);
    if (value.length === 0)
      out.push({ field, message: `${label} manquant : saisissez-le sur la fiche de la personne.` });
    else if (value.length > max)
      out.push({
        field,
        message: `${label} trop long pour l’ASP (${value.length} caractères, ${max} au plus) : abrégez-le sur la fiche de la personne.`,
      });
    else if (!NAME_PATTERN.test(value))
      out.push({
        field,
        message: `${label} « ${raw} » : l’ASP n’accepte que des lettres, espaces, tirets et apostrophes ; corrigez-le sur la fiche de la personne.`,
      });
  };
  name('nom', 'Nom', p.lastName, ASP_LIMITS.lastName);
  name('prenoms', 'Prénom', p.firstNames, ASP_LIMITS.firstNames);
  if (!p.nir)
    out.push({
      field: 'nir',
      message: 'Numéro de sécurité sociale manquant : saisissez-le sur la fiche de la personne.',
    });
  else if (!nirValid(p.nir))
    out.push({
      field: 'nir',
      message:
        'Numéro de sécurité sociale invalide (15 caractères, clé comprise) : vérifiez-le sur la fiche de la personne.',
    });
  const pass = p.passIae.replace(/\s/g, '').toUpperCase();
  if (pass.length === 0)
    out.push({
      field: 'pass_iae',
      message: 'Numéro de PASS IAE manquant : saisissez-le sur le contrat (fiche de la personne).',
    });
  else if (!PASS_IAE_PATTERN.test(pass))
    out.push({
      field: 'pass_iae',
      message: `PASS IAE « ${p.passIae} » : ${ASP_LIMITS.passIae} chiffres ou lettres attendus ; corrigez-le sur le contrat.`,
    });
  return out;
}

export interface AspContractFacts {
  participationId: number;
  personId: number;
  lastName: string;
  firstNames: string;
  nir: string | null;
  passIae: string;
  startDate: string;
  /** The contract's term, and its early end if it ended before. */
  endDate: string;
  earlyEndDate: string | null;
  journeyStatus: JourneyStatus;
  /** The exit recorded on the person's parcours, if any. */
  outcome: { category: OutcomeCategory; exitedOn: string } | null;
  /** The freins not resolved at the end of the month. */
  obstacles: readonly ObstacleKind[];
  /** The contract's pay lines of the month, as the payroll hand-off counts them. */
  payLines: readonly Pick<PayLine, 'item' | 'minutes' | 'rateCentiCents' | 'regularisation'>[];
}

/** One row of the state, as validated and exported. */
export interface AspRow {
  participationId: number;
  personId: number;
  /** As the ASP wants them: capitals, no accents. */
  lastName: string;
  firstNames: string;
  passIae: string;
  startDate: string;
  paidMinutes: number;
  workedMinutes: number;
  /** `emi_nb_heures_travail`: the paid minutes in whole hours. */
  hours: number;
  /** Hours to the hundredth ×100, to compare with the hand-off. */
  centiHours: number;
  stillAccompanied: boolean;
  actualEndDate: string | null;
  exitCategory: AspExitCategory | null;
  difficulties: AspDifficulty[];
  problems: AspProblem[];
}

/**
 * One contract's row for `month` (AAAA-MM, last day `last`). The contract
 * ended in the month when its early end or term falls in it; the employee is
 * then still accompanied while the parcours is open with no exit recorded
 * (the ASP's « salarié toujours accompagné »), otherwise the exit category
 * is required.
 */
export function aspRow(f: AspContractFacts, month: string, last: string): AspRow {
  const end = f.earlyEndDate ?? f.endDate;
  const endedInMonth = end.startsWith(month) && end <= last;
  const exited = f.outcome !== null || f.journeyStatus === 'sortie';
  const stillAccompanied = !endedInMonth || !exited;
  const minutes = aspMinutesOf(f.payLines);
  const problems = aspFieldProblems(f);
  if (endedInMonth && exited && !f.outcome) {
    problems.push({
      field: 'sortie',
      message: `Contrat terminé le ${formatFrenchDate(end)}, parcours clos sans sortie enregistrée : enregistrez la sortie (catégorie) dans le parcours de la personne.`,
    });
  }
  const difficulties = [
    ...new Set(f.obstacles.flatMap((o) => (ASP_DIFFICULTY_OF_OBSTACLE[o] ? [ASP_DIFFICULTY_OF_OBSTACLE[o]!] : []))),
  ].sort();
  return {
    participationId: f.participationId,
    personId: f.personId,
    lastName: aspName(f.lastName),
    firstNames: aspName(f.firstNames),
    passIae: f.passIae.replace(/\s/g, '').toUpperCase(),
    startDate: f.startDate,
    paidMinutes: minutes.paid,
    workedMinutes: minutes.worked,
    hours: aspWholeHours(minutes.paid),
    centiHours: centiHoursOf(minutes.paid),
    stillAccompanied,
    actualEndDate: endedInMonth ? end : null,
    exitCategory: endedInMonth && f.outcome ? ASP_EXIT_OF_OUTCOME[f.outcome.category] : null,
    difficulties,
    problems,
  };
}

/** The ASP's date format (JJ/MM/AAAA, as `emi_date_fin_reelle`). */
export const aspDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What validation fingerprints to notice a later change: the rows' figures, in a fixed order (no name, no message). */
export function canonicalAspRows(
  rows: readonly Pick<
    AspRow,
    | 'participationId'
    | 'paidMinutes'
    | 'workedMinutes'
    | 'stillAccompanied'
    | 'actualEndDate'
    | 'exitCategory'
    | 'difficulties'
  >[],
): string {
  return JSON.stringify(
    [...rows]
      .sort((a, b) => a.participationId - b.participationId)
      .map((r) => [
        r.participationId,
        r.paidMinutes,
        r.workedMinutes,
        r.stillAccompanied,
        r.actualEndDate,
        r.exitCategory,
        r.difficulties,
      ]),
  );
}
