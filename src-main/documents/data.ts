/**
 * What a participation's documents are made from: everything computed from
 * the records, nothing typed twice. Stored as the document's snapshot, so a
 * document can be explained years later whatever changed since.
 */
import type { DocumentKind } from '../shared/contract/documents';

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
  collectiveAgreement: string | null;
  pensionFund: string;
  providentBody: string;
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
  kind: DocumentKind;
  number: string;
  version: number;
  /** The day it was generated: "Fait à …, le …". */
  issuedOn: string;
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
  };
  /** The person's first half-day: where the convocation sends them. */
  firstSession: { date: string; start: string } | null;
}
