import type { Generated } from 'kysely';
import type { Civility } from '../shared/agreement';
import type { CollectiveAgreementCode } from '../shared/collective-agreements';
import type { CancelKind, Mark } from '../shared/contract/attendance-codes';
import type { Orientation } from '../shared/contract/bilans';
import type { DocumentKind } from '../shared/contract/document-kinds';
import type { AttachmentMediaType } from '../shared/contract/documents';
import type {
  EvaluationLevel,
  EvaluationMoment,
  Evaluator,
  GridSection,
  HealthCheckKind,
  ObservationKind,
} from '../shared/contract/evaluations';
import type { JournalAction } from '../shared/contract/journal';
import type { JourneyStatus, ObstacleKind, OutcomeCategory } from '../shared/contract/journey-lists';
import type { PayItem } from '../shared/contract/pay-items';
import type { PmsmpObjective, PmsmpOutcome, PrescriberKind } from '../shared/contract/pmsmp';
import type { HandoffStatus } from '../shared/contract/payroll';
import type {
  EducationLevel,
  NationalityGroup,
  OrganisationKind,
  Resource,
  Sex,
  YesNoUnknown,
} from '../shared/contract/people-lists';
import type { RightsKind } from '../shared/contract/rgpd';
import type { FseLabourStatus, SensitiveAnswer } from '../domain/fse-plus-participant';
import type { EmployerKind, HolidayRegion } from '../shared/contract/settings';
import type { Role } from '../shared/contract/users';
import type {
  Activity,
  AnnexKind,
  ContractType,
  EarlyEndReason,
  HalfDay,
  SessionOrigin,
  WorksiteKind,
  WorksiteStatus,
} from '../shared/contract/worksites';
import type { IaeCriterionCode, ProlongationReason } from '../shared/iae-criteria';
import type { Flag } from './flags';

/**
 * Table types as Kysely sees them (camelCase through CamelCasePlugin; snake_case in SQL).
 * Times of day are minutes after midnight, money integer cents. Enum columns
 * (SQLite text) carry the contract's unions; booleans are stored 0/1 (`Flag`)
 * and leave the repositories as `boolean` (`db/flags.ts`).
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
  idleLockMinutes: Generated<number>;
  collectNationality: Generated<Flag>;
  openSaturday: Generated<Flag>;
  /** Moved by one at every write of the record (migration 026): the token a form's save sends back. */
  version: Generated<number>;
  changedBy: number | null;
  changedAt: string | null;
}

export interface EmployersTable {
  id: Generated<number>;
  name: string;
  /** `foldForSearch(name)`, kept by the repositories (migration 028). */
  nameFolded: Generated<string>;
  kind: EmployerKind;
  address: string;
  postcode: string;
  town: string;
  siret: string;
  collectiveAgreement: CollectiveAgreementCode | null;
  pensionFund: string;
  pensionFundAddress: Generated<string>;
  providentBody: string;
  providentBodyAddress: Generated<string>;
  hourlyPriceCents: number | null;
  payrollEmail: string;
  signatoryName: string;
  signatoryTitle: string;
  /** The employer's own letterhead logo, a stored file (migration 18). */
  logoFile: Generated<string | null>;
  archived: Generated<Flag>;
  createdAt: string;
  updatedAt: string;
  /** Moved by one at every write of the record (migration 026): the token a form's save sends back. */
  version: Generated<number>;
  changedBy: number | null;
  changedAt: string | null;
}

/** The calendar settings that count paid hours, dated (migration 031, domain/calendar-settings.ts). */
export interface CalendarSettingsTable {
  id: Generated<number>;
  /** The first day the row applies; null: from the beginning. */
  effectiveFrom: string | null;
  /** Null: unchanged by this row. */
  holidayRegion: HolidayRegion | null;
  whitMondayWorked: Flag | null;
  forceMajeurePaid: Flag | null;
  createdAt: string;
}

export interface WageRatesTable {
  id: Generated<number>;
  effectiveFrom: string;
  hourlyCents: number;
  createdAt: string;
}

export interface UsersTable {
  id: Generated<number>;
  displayName: string;
  displayNameFolded: string;
  role: Role;
  passwordHash: string;
  active: Generated<Flag>;
  failedAttempts: Generated<number>;
  lockedUntil: string | null;
  passwordChangedAt: string;
  /** 1 while the password is one an administrator typed: the person must choose their own first. */
  mustChangePassword: Generated<Flag>;
  /** Where the user last saved a copy of a document: offered first next time. */
  documentsFolder: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JournalTable {
  id: Generated<number>;
  at: string;
  userId: number | null;
  action: JournalAction;
  method: string;
  records: string;
  prevHash: string;
  hash: string;
}

/** A PC paired with the Passerelle server (issue 29); the secret itself stays on that PC. */
export interface DevicesTable {
  id: Generated<number>;
  name: string;
  secretHash: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  revokedBy: number | null;
}

/** A one-time pairing code, stored as its SHA-256. */
export interface PairingCodesTable {
  id: Generated<number>;
  codeHash: string;
  createdAt: string;
  createdBy: number | null;
  expiresAt: string;
  usedAt: string | null;
  deviceId: number | null;
}

/** A wrong pairing code tried on the server: its instant only (the throttle of domain/pairing.ts). */
export interface PairingFailuresTable {
  id: Generated<number>;
  at: string;
}

export interface JournalStateTable {
  id: number;
  purging: Flag;
  anchorHash: string;
  /** Id of the last purged entry (0: none yet). */
  anchorId: number;
  /** Id of the entry that sealed the journal under its key; null until then. */
  sealedId: number | null;
  /** The highest id the journal ever gave, purged or cut since (ids are never given twice). */
  lastId: Generated<number>;
  /** HMAC of a constant under the journal's key: which key this journal is under, the key itself elsewhere. */
  keyCheck: string | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  kind: OrganisationKind;
  address: string;
  phone: string;
  email: string;
  archived: Generated<Flag>;
  createdAt: string;
  updatedAt: string;
}

export interface ContactsTable {
  id: Generated<number>;
  organisationId: number;
  firstName: string;
  lastName: string;
  service: string;
  phone: string;
  email: string;
  userId: number | null;
  leftOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PersonsTable {
  id: Generated<number>;
  civility: Civility;
  lastName: string;
  birthName: string;
  firstNames: string;
  birthDate: string;
  sex: Sex;
  address: string;
  postcode: string;
  town: string;
  priorityArea: YesNoUnknown;
  phone: string;
  email: string;
  emergencyContact: string;
  nationalityGroup: NationalityGroup | null;
  nir: string | null;
  prescriberId: number | null;
  referentId: number | null;
  archived: Generated<Flag>;
  searchKey: string;
  /** `foldForSearch(first names + last name)`, kept by the repositories (migration 028). */
  nameFolded: Generated<string>;
  anonymisedOn: string | null;
  retentionUntil: string | null;
  retentionReason: Generated<string>;
  createdAt: string;
  updatedAt: string;
  /** Moved by one at every write of the record (migration 026): the token a form's save sends back. */
  version: Generated<number>;
  changedBy: number | null;
  changedAt: string | null;
}

export interface PersonSituationsTable {
  id: Generated<number>;
  personId: number;
  observedOn: string;
  resources: Resource;
  rsaMonths: number | null;
  franceTravailSince: string | null;
  educationLevel: EducationLevel;
  rqth: YesNoUnknown;
  housing: string;
  drivingLicence: Flag;
  vehicle: Flag;
  publicTransport: Flag;
  createdAt: string;
  createdBy: number | null;
}

export interface JourneysTable {
  id: Generated<number>;
  personId: number;
  status: JourneyStatus;
  openedOn: string;
  createdAt: string;
}

export interface JourneyEventsTable {
  id: Generated<number>;
  journeyId: number;
  status: JourneyStatus;
  happenedOn: string;
  reason: string;
  createdAt: string;
  createdBy: number | null;
}

export interface ObstaclesTable {
  id: Generated<number>;
  personId: number;
  kind: ObstacleKind;
  identifiedOn: string;
  actions: string;
  resolvedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OutcomesTable {
  id: Generated<number>;
  journeyId: number;
  category: OutcomeCategory;
  detail: string;
  exitedOn: string;
  afterThreeMonths: string;
  afterSixMonths: string;
  createdAt: string;
  updatedAt: string;
}

export interface ImportMappingsTable {
  signature: string;
  mapping: string;
  updatedAt: string;
}

export interface WorksitesTable {
  id: Generated<number>;
  name: string;
  /** `foldForSearch(name)`, kept by the repositories (migration 028). */
  nameFolded: Generated<string>;
  kind: WorksiteKind;
  activity: Activity;
  clientId: number | null;
  workAddress: string;
  supervisorId: number | null;
  coordinatorId: number | null;
  employerId: number;
  startDate: string;
  weeks: number;
  capacity: number;
  morningStart: number;
  morningEnd: number;
  afternoonStart: number;
  afternoonEnd: number;
  status: WorksiteStatus;
  /** The funders' operation reference, printed on the attendance sheets (migration 18). */
  operationReference: Generated<string>;
  createdAt: string;
  updatedAt: string;
  /** Moved by one at every write of the record (migration 026): the token a form's save sends back. */
  version: Generated<number>;
  changedBy: number | null;
  changedAt: string | null;
}

export interface WorksiteSlotsTable {
  worksiteId: number;
  weekday: number;
  halfDay: HalfDay;
}

export interface WorksiteFundersTable {
  worksiteId: number;
  organisationId: number;
}

/** What a funder (an organisation of kind « financeur ») prints on the documents of the worksites it funds. */
export interface FundersTable {
  organisationId: number;
  logoFile: string | null;
  fundingMention: Generated<string>;
  updatedAt: string;
}

export interface SessionsTable {
  id: Generated<number>;
  worksiteId: number;
  date: string;
  halfDay: HalfDay;
  startMinutes: number;
  endMinutes: number;
  origin: SessionOrigin;
  cancelledReason: string | null;
  cancelKind: CancelKind | null;
  createdAt: string;
}

export interface ParticipationsTable {
  id: Generated<number>;
  worksiteId: number;
  personId: number;
  journeyId: number;
  contractType: ContractType;
  employerId: number;
  startDate: string;
  endDate: string;
  weeklyMinutes: number;
  position: string;
  hourlyCents: number;
  trialDays: number;
  handedOn: string | null;
  signedOn: string | null;
  derogationUntil: string | null;
  classification: Generated<string>;
  tasks: Generated<string>;
  particularRisk: Generated<Flag>;
  passIae: Generated<string>;
  earlyEndDate: string | null;
  earlyEndReason: EarlyEndReason | null;
  createdAt: string;
  updatedAt: string;
  /** Moved by one at every write of the record (migration 026): the token a form's save sends back. */
  version: Generated<number>;
  changedBy: number | null;
  changedAt: string | null;
}

export interface ContractRenewalsTable {
  id: Generated<number>;
  participationId: number;
  previousEndDate: string;
  newEndDate: string;
  agreedOn: string;
  createdAt: string;
}

export interface ClosuresTable {
  date: string;
  reason: string;
}

export interface AnnexTimesTable {
  id: Generated<number>;
  participationId: number;
  kind: AnnexKind;
  date: string;
  startMinutes: number;
  endMinutes: number;
  paid: Flag;
  /** null: not yet marked; 1 done; 0 did not take place. */
  done: Flag | null;
  createdAt: string;
}

export interface AttendanceTable {
  sessionId: number;
  participationId: number;
  mark: Mark;
  actualStart: number | null;
  actualEnd: number | null;
  paid: Flag;
  proofReceived: Generated<Flag>;
  proofDate: string | null;
  updatedBy: number | null;
  updatedAt: string;
}

export interface DocumentsTable {
  id: Generated<number>;
  kind: DocumentKind;
  number: string;
  /** `foldForSearch(title + number)`, kept by the repositories (migration 028). */
  titleFolded: Generated<string>;
  version: number;
  personId: number | null;
  worksiteId: number | null;
  participationId: number | null;
  weekOf: string | null;
  title: string;
  fileName: string;
  storedFile: string;
  sha256: string;
  size: number;
  snapshot: string;
  authorId: number | null;
  createdAt: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  personId: number | null;
  worksiteId: number | null;
  participationId: number | null;
  weekOf: string | null;
  label: string;
  originalName: string;
  storedFile: string;
  mediaType: AttachmentMediaType;
  sha256: string;
  size: number;
  authorId: number | null;
  createdAt: string;
}

export interface PayrollHandoffsTable {
  id: Generated<number>;
  month: string;
  employerId: number;
  status: HandoffStatus;
  content: string;
  xlsxFile: string;
  xlsxSha256: string;
  csvFile: string;
  csvSha256: string;
  pdfFile: string;
  pdfSha256: string;
  validatedBy: number | null;
  validatedAt: string;
  transmittedBy: number | null;
  transmittedAt: string | null;
  variablesFile: string | null;
  variablesSha256: string | null;
  figuresSha256: string | null;
}

/** An ASP monthly state as validated (migration 23): rows as JSON, without names. */
export interface AspMonthlyStatesTable {
  id: Generated<number>;
  month: string;
  employerId: number;
  content: string;
  contentSha256: string;
  validatedBy: number | null;
  validatedAt: string;
}

export interface PayrollWithdrawalsTable {
  id: Generated<number>;
  handoffId: number;
  reason: string;
  transmittedBy: number | null;
  transmittedAt: string;
  withdrawnBy: number | null;
  withdrawnAt: string;
}

export interface EmployeeNumbersTable {
  personId: number;
  employerId: number;
  matricule: string;
}

export interface PayItemCodesTable {
  employerId: number;
  item: PayItem;
  code: string;
}

export interface RegularisationsTable {
  id: Generated<number>;
  participationId: number;
  date: string;
  workedDelta: number;
  paidDelta: number;
  reason: string;
  handoffId: number | null;
  createdBy: number | null;
  createdAt: string;
  /** The pay line corrected (migration 19); null on older rows: paid minutes at the normal rate of their day. */
  item: PayItem | null;
  minutes: number | null;
  centiHours: number | null;
  rateCentiCents: number | null;
  /** The last day the line covers (`date` is the first). */
  dateTo: string | null;
}

export interface EvaluationCriteriaTable {
  id: Generated<number>;
  section: GridSection;
  label: string;
  position: number;
  archived: Flag;
  createdAt: string;
}

export interface EvaluationsTable {
  id: Generated<number>;
  participationId: number;
  moment: EvaluationMoment;
  evaluator: Evaluator;
  evaluatedOn: string;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface EvaluationItemsTable {
  evaluationId: number;
  criterionId: number;
  level: EvaluationLevel;
  comment: string;
}

export interface ObservationsTable {
  id: Generated<number>;
  participationId: number;
  observedOn: string;
  kind: ObservationKind;
  text: string;
  authorId: number | null;
  obstacleId: number | null;
  createdAt: string;
}

export interface HealthChecksTable {
  id: Generated<number>;
  participationId: number;
  kind: HealthCheckKind;
  date: string;
  paperReceived: Flag;
  restrictions: string;
  inaptitude: Flag;
  createdAt: string;
  updatedAt: string;
}

export interface BilansTable {
  participationId: number;
  participantWords: string;
  teamAssessment: string;
  orientation: Orientation | null;
  nextSteps: string;
  referentToInform: string;
  activitiesDone: string;
  updatedAt: string;
}

export interface WorksiteBilansTable {
  worksiteId: number;
  production: string;
  incidents: string;
  comments: string;
  updatedAt: string;
}

export interface PsychologistNotesTable {
  annexTimeId: number;
  authorId: number;
  note: string;
  updatedAt: string;
}

export interface RightsRequestsTable {
  id: Generated<number>;
  personId: number | null;
  kind: RightsKind;
  receivedOn: string;
  dueOn: string;
  answeredOn: string | null;
  notes: string;
  createdBy: number | null;
  createdAt: string;
}

export interface BackupSettingsTable {
  id: number;
  keyId: string;
  salt: Buffer;
  log2n: number;
  r: number;
  p: number;
  lastFolder: string | null;
  createdAt: string;
}

export interface BackupsTable {
  id: Generated<number>;
  at: string;
  path: string;
  size: number;
  plaintextSha256: string;
  keyId: string;
  previousVerified: Flag | null;
}

/** An FSE+ operation: a funder of the directory, a period, the worksites it covers (Regulation (EU) 2021/1057). */
export interface FseOperationsTable {
  id: Generated<number>;
  name: string;
  funderId: number;
  startDate: string;
  endDate: string;
  createdAt: string;
  updatedAt: string;
}

export interface FseOperationWorksitesTable {
  operationId: number;
  worksiteId: number;
}

/** One participant of an FSE+ operation: entry, exit and six-month answers; the sensitive items null once anonymised. */
export interface FseParticipantsTable {
  id: Generated<number>;
  operationId: number;
  personId: number;
  enteredOn: string;
  labourStatus: FseLabourStatus;
  ageAtEntry: number;
  educationLevel: EducationLevel;
  disability: SensitiveAnswer | null;
  thirdCountryNational: SensitiveAnswer | null;
  foreignBackground: SensitiveAnswer | null;
  minority: SensitiveAnswer | null;
  homeless: Flag;
  ruralArea: Flag;
  entryRecordedAt: string;
  entryRecordedBy: number | null;
  leftOn: string | null;
  seekingWork: Flag | null;
  inEducationOrTraining: Flag | null;
  gainedQualification: Flag | null;
  inEmploymentAtExit: Flag | null;
  exitRecordedAt: string | null;
  exitRecordedBy: number | null;
  observedOn: string | null;
  inEmploymentAtSixMonths: Flag | null;
  improvedSituation: Flag | null;
  sixMonthsRecordedAt: string | null;
  sixMonthsRecordedBy: number | null;
}

/** A PMSMP convention (L5135-4); `schedule` is JSON (weekday → start, end, pause in minutes); the bilan columns stay null until written. */
export interface IaeCriteriaTable {
  id: Generated<number>;
  personId: number;
  code: IaeCriterionCode;
  proofType: string;
  proofDate: string;
  validUntil: string | null;
  attachmentId: number | null;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface PassIaeTable {
  id: Generated<number>;
  personId: number;
  number: string;
  startDate: string;
  endDate: string;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface PassIaeProlongationsTable {
  id: Generated<number>;
  passId: number;
  personId: number;
  reason: ProlongationReason;
  startDate: string;
  endDate: string;
  decidedOn: string;
  /** The prescriber who decided it (R5132-1-8 2°), or empty when the structure decides (1°). */
  decidedBy: string;
  authorId: number | null;
  createdAt: string;
}

export interface ImmersionsTable {
  id: Generated<number>;
  personId: number;
  renewalOf: number | null;
  hostOrganisationId: number;
  hostSiret: string;
  hostActivity: string;
  place: string;
  tutorName: string;
  tutorFunction: string;
  tutorPhone: string;
  tutorEmail: string;
  objective: PmsmpObjective;
  trade: string;
  goals: string;
  startDate: string;
  endDate: string;
  schedule: string;
  tasks: string;
  skills: string;
  risks: string;
  equipment: string;
  prescriberKind: PrescriberKind;
  prescriberOrganisationId: number;
  prescriberContactId: number | null;
  referentName: string;
  referentFunction: string;
  /** A minor's legal representative, who signs the convention too (migration 025); '' for an adult. */
  representativeName: Generated<string>;
  outcome: PmsmpOutcome | null;
  missedMinutes: number | null;
  skillsObserved: string | null;
  followUp: string | null;
  bilanComment: string | null;
  bilanOn: string | null;
  conventionNumber: string | null;
  bilanNumber: string | null;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Database {
  structure: StructureTable;
  employers: EmployersTable;
  wageRates: WageRatesTable;
  calendarSettings: CalendarSettingsTable;
  users: UsersTable;
  journal: JournalTable;
  journalState: JournalStateTable;
  devices: DevicesTable;
  pairingCodes: PairingCodesTable;
  pairingFailures: PairingFailuresTable;
  organisations: OrganisationsTable;
  contacts: ContactsTable;
  persons: PersonsTable;
  personSituations: PersonSituationsTable;
  journeys: JourneysTable;
  journeyEvents: JourneyEventsTable;
  obstacles: ObstaclesTable;
  outcomes: OutcomesTable;
  importMappings: ImportMappingsTable;
  worksites: WorksitesTable;
  worksiteSlots: WorksiteSlotsTable;
  worksiteFunders: WorksiteFundersTable;
  funders: FundersTable;
  sessions: SessionsTable;
  participations: ParticipationsTable;
  closures: ClosuresTable;
  annexTimes: AnnexTimesTable;
  contractRenewals: ContractRenewalsTable;
  documents: DocumentsTable;
  attachments: AttachmentsTable;
  attendance: AttendanceTable;
  payrollHandoffs: PayrollHandoffsTable;
  aspMonthlyStates: AspMonthlyStatesTable;
  regularisations: RegularisationsTable;
  employeeNumbers: EmployeeNumbersTable;
  payrollWithdrawals: PayrollWithdrawalsTable;
  payItemCodes: PayItemCodesTable;
  backupSettings: BackupSettingsTable;
  backups: BackupsTable;
  evaluationCriteria: EvaluationCriteriaTable;
  evaluations: EvaluationsTable;
  evaluationItems: EvaluationItemsTable;
  observations: ObservationsTable;
  healthChecks: HealthChecksTable;
  bilans: BilansTable;
  worksiteBilans: WorksiteBilansTable;
  psychologistNotes: PsychologistNotesTable;
  rightsRequests: RightsRequestsTable;
  immersions: ImmersionsTable;
  iaeCriteria: IaeCriteriaTable;
  passIae: PassIaeTable;
  passIaeProlongations: PassIaeProlongationsTable;
  fseOperations: FseOperationsTable;
  fseOperationWorksites: FseOperationWorksitesTable;
  fseParticipants: FseParticipantsTable;
}
