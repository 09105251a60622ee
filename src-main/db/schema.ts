import type { Generated } from 'kysely';

/**
 * Table types as Kysely sees them (camelCase through CamelCasePlugin; snake_case in SQL).
 * Times of day are minutes after midnight, money integer cents, booleans 0/1.
 */
export interface StructureTable {
  id: number;
  name: string;
  address: string;
  postcode: string;
  town: string;
  siret: string;
  phone: string;
  email: string;
  signatoryName: string;
  signatoryTitle: string;
  logoFile: string | null;
  morningStart: number;
  morningEnd: number;
  afternoonStart: number;
  afternoonEnd: number;
  setupCompletedAt: string;
  updatedAt: string;
}

export interface EmployersTable {
  id: Generated<number>;
  name: string;
  kind: string;
  address: string;
  postcode: string;
  town: string;
  siret: string;
  collectiveAgreement: string | null;
  pensionFund: string;
  providentBody: string;
  payrollEmail: string;
  signatoryName: string;
  signatoryTitle: string;
  archived: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface WageRatesTable {
  id: Generated<number>;
  effectiveFrom: string;
  hourlyCents: number;
  createdAt: string;
}

export interface Database {
  structure: StructureTable;
  employers: EmployersTable;
  wageRates: WageRatesTable;
}
