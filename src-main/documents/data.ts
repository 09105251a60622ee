/**
 * What a participation's documents are made from: everything computed from
 * the records, nothing typed twice. Stored as the document's snapshot, so a
 * document can be explained years later whatever changed since.
 */
import type { Pmsmp } from '../shared/contract/pmsmp';
import type { Bilan, WorksiteBilan } from '../shared/contract/bilans';
import type { PersonExport } from '../app/person-export';
import type {
  ParticipationDocumentKind,
  PersonDocumentKind,
  WorksiteDocumentKind,
} from '../shared/contract/document-kinds';
import type { CollectiveAgreementCode } from '../shared/collective-agreements';
import type { SheetTotals } from '../domain/attendance-sheet';

export interface Party {
  name: string;
  address: string;
  postcode: string;
  town: string;
  siret: string;
  signatoryName: string;
  signatoryTitle: string;
}

export interface EmployerParty extends Party {
  kind: 'association_intermediaire' | 'ccas' | 'autre';
  /** The code chosen in the settings (its IDCC, or "aucune"); documents refuse while it is not chosen. */
  collectiveAgreement: CollectiveAgreementCode | null;
  pensionFund: string;
  pensionFundAddress: string;
  providentBody: string;
  providentBodyAddress: string;
  /** What the association intermédiaire bills per hour worked (L5132-7). */
  hourlyPriceCents: number | null;
  /** Its own letterhead logo, a data URL (Paramètres › Employeurs); none: its name and address alone. */
  logo: string | null;
}

export interface StructureParty extends Party {
  phone: string;
  email: string;
  /** A data URL; the logo travels inside the document. */
  logo: string | null;
}

export interface HalfDaySpread {
  weekday: number;
  halfDay: 'morning' | 'afternoon';
  start: string;
  end: string;
}

export interface ParticipationDocumentData {
  kind: ParticipationDocumentKind;
  number: string;
  version: number;
  /** The day it was generated ("établi le"): "Fait à …, le …" except on a contract, which carries its signature date. */
  issuedOn: string;
  /** Printed as "PROJET — non valable": asked for before the facts it states. */
  draft?: boolean;
  structure: StructureParty;
  employer: EmployerParty;
  person: {
    civility: 'madame' | 'monsieur' | null;
    lastName: string;
    birthName: string;
    firstNames: string;
    birthDate: string;
    address: string;
    postcode: string;
    town: string;
  };
  worksite: {
    id: number;
    name: string;
    kind: 'mesp' | 'aci' | 'autre';
    activity: string;
    workAddress: string;
    supervisorName: string | null;
    startDate: string;
    endDate: string;
  };
  contract: {
    type: 'cdd_usage' | 'cddi' | 'autre';
    startDate: string;
    endDate: string;
    position: string;
    hourlyCents: number;
    weeklyMinutes: number;
    trialDays: number;
    spread: HalfDaySpread[];
    /** Recorded on the contract (L1242-13): the date after "Fait à …, le". */
    handedOn: string | null;
    signedOn: string | null;
    /** A préfet's derogation to work under 20 h a week in a CDDI, valid until. */
    derogationUntil?: string | null;
    classification?: string;
    tasks?: string;
    /** On the employer's list of posts with particular risks (L4154-2). */
    particularRisk?: boolean;
    passIae?: string;
  };
  /** The person's first half-day: where the convocation sends them. */
  firstSession: { date: string; start: string } | null;
  /** The last day worked under the contract: its early end when there is one. */
  lastDay: string;
  /** The last day a document counts: the last day, or the day it is made when the contract runs on. */
  countedUntil: string;
  /** The person's social worker (référent), who signs the individual bilan with the supervisor. */
  referentName: string | null;
  /** For the attestation: half-days and hours, from attendance once recorded, otherwise as planned. */
  presence?: { planned: number; worked: number; attended: number; held: number; recorded: boolean };
  /** For the personal agenda: the person's half-days and annex times on the worksite. */
  agenda?: AgendaLine[];
  /** For the bilan and the attestation de compétences: figures, skills and the team's words. */
  bilan?: Bilan;
}

export interface AgendaLine {
  date: string;
  start: string;
  end: string;
  label: string;
  cancelled: boolean;
}

/** A worksite's document: the attendance sheet of a week, or the whole planning. */
export interface WorksiteDocumentData {
  kind: WorksiteDocumentKind;
  number: string;
  version: number;
  issuedOn: string;
  draft?: boolean;
  /** The bilan's internal version, naming each participant. */
  named?: boolean;
  structure: StructureParty;
  worksite: {
    id: number;
    name: string;
    activity: string;
    workAddress: string;
    supervisorName: string | null;
    startDate: string;
    endDate: string;
  };
  weekOf: string | null;
  /** The sheet: one column per half-day of the week (held, cancelled or a holiday), one row per person. */
  sheet?: {
    columns: {
      date: string;
      halfDay: 'morning' | 'afternoon';
      start: string;
      end: string;
      state: 'session' | 'cancelled' | 'holiday' | 'closed';
      label: string | null;
    }[];
    rows: { name: string; open: boolean[]; totals: SheetTotals }[];
    /** The week's line under the people's totals. */
    totals: SheetTotals;
  };
  /** Who co-funds the worksite, as its documents must show it (emblems, mention de financement, operation reference). */
  funding?: { operationReference: string; funders: { name: string; logo: string | null; mention: string }[] };
  /** The planning: week by week, half-days and the individual annex times. */
  planning?: { weekOf: string; lines: AgendaLine[] }[];
  /** The collective bilan. */
  bilan?: WorksiteBilan;
}

/** A document addressed to a person, about their own data: the information notice, the export of everything held about them. */
export interface PersonDocumentData {
  kind: PersonDocumentKind;
  number: string;
  version: number;
  issuedOn: string;
  draft?: boolean;
  structure: StructureParty;
  person: {
    civility: 'madame' | 'monsieur' | null;
    firstNames: string;
    lastName: string;
    address: string;
    postcode: string;
    town: string;
  };
  /** For the export: everything held, section by section (RGPD art. 15). */
  held?: PersonExport;
  /** For the information notice: the data is on the structure's PostgreSQL server, whose own copies it names. */
  keptOnServer?: boolean;
  /** For an immersion's convention or bilan (PMSMP): the convention as recorded. */
  immersion?: ImmersionDocumentData;
}

/** What a PMSMP convention (Cerfa 13912, D5135-2) and its bilan print, the accompanying structure being `structure`. */
export interface ImmersionDocumentData {
  immersion: Pmsmp;
  /** D5135-2 2°: RSA (null when no situation says), and the employer of a salaried beneficiary (a CDDI during the period). */
  beneficiary: {
    birthDate: string;
    phone: string;
    email: string;
    rsa: boolean | null;
    employers: { name: string; address: string; worksiteName: string }[];
  };
  host: { name: string; address: string; phone: string; email: string };
  prescriber: { name: string; address: string; contactName: string | null; contactPhone: string; contactEmail: string };
  /** The convention this one renews: its number and dates. */
  renews: { number: string | null; startDate: string; endDate: string } | null;
}
