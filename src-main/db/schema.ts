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
  idleLockMinutes: Generated<number>;
  collectNationality: Generated<number>;
  holidayRegion: Generated<string>;
  whitMondayWorked: Generated<number>;
  forceMajeurePaid: Generated<number>;
  openSaturday: Generated<number>;
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
  pensionFundAddress: Generated<string>;
  providentBody: string;
  providentBodyAddress: Generated<string>;
  hourlyPriceCents: number | null;
  payrollEmail: string;
  signatoryName: string;
  signatoryTitle: string;
  /** The employer's own letterhead logo, a stored file (migration 18). */
  logoFile: Generated<string | null>;
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

export interface UsersTable {
  id: Generated<number>;
  displayName: string;
  displayNameFolded: string;
  role: string;
  passwordHash: string;
  active: Generated<number>;
  failedAttempts: Generated<number>;
  lockedUntil: string | null;
  passwordChangedAt: string;
  /** 1 while the password is one an administrator typed: the person must choose their own first. */
  mustChangePassword: Generated<number>;
  /** Where the user last saved a copy of a document: offered first next time. */
  documentsFolder: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JournalTable {
  id: Generated<number>;
  at: string;
  userId: number | null;
  action: string;
  method: string;
  records: string;
  prevHash: string;
  hash: string;
}

export interface JournalStateTable {
  id: number;
  purging: number;
  anchorHash: string;
  /** Id of the last purged entry (0: none yet). */
  anchorId: number;
  /** Id of the entry that sealed the journal under its key; null until then. */
  sealedId: number | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  kind: string;
  address: string;
  phone: string;
  email: string;
  archived: Generated<number>;
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
  civility: string | null;
  lastName: string;
  birthName: string;
  firstNames: string;
  birthDate: string;
  sex: string;
  address: string;
  postcode: string;
  town: string;
  priorityArea: string;
  phone: string;
  email: string;
  emergencyContact: string;
  nationalityGroup: string | null;
  nir: string | null;
  prescriberId: number | null;
  referentId: number | null;
  archived: Generated<number>;
  searchKey: string;
  anonymisedOn: string | null;
  retentionUntil: string | null;
  retentionReason: Generated<string>;
  createdAt: string;
  updatedAt: string;
}

export interface PersonSituationsTable {
  id: Generated<number>;
  personId: number;
  observedOn: string;
  resources: string;
  rsaMonths: number | null;
  franceTravailSince: string | null;
  educationLevel: string;
  rqth: string;
  housing: string;
  drivingLicence: number;
  vehicle: number;
  publicTransport: number;
  createdAt: string;
  createdBy: number | null;
}

export interface JourneysTable {
  id: Generated<number>;
  personId: number;
  status: string;
  openedOn: string;
  createdAt: string;
}

export interface JourneyEventsTable {
  id: Generated<number>;
  journeyId: number;
  status: string;
  happenedOn: string;
  reason: string;
  createdAt: string;
  createdBy: number | null;
}

export interface ObstaclesTable {
  id: Generated<number>;
  personId: number;
  kind: string;
  identifiedOn: string;
  actions: string;
  resolvedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OutcomesTable {
  id: Generated<number>;
  journeyId: number;
  category: string;
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
  kind: string;
  activity: string;
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
  status: string;
  /** The funders' operation reference, printed on the attendance sheets (migration 18). */
  operationReference: Generated<string>;
  createdAt: string;
  updatedAt: string;
}

export interface WorksiteSlotsTable {
  worksiteId: number;
  weekday: number;
  halfDay: string;
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
  halfDay: string;
  startMinutes: number;
  endMinutes: number;
  origin: string;
  cancelledReason: string | null;
  cancelKind: string | null;
  createdAt: string;
}

export interface ParticipationsTable {
  id: Generated<number>;
  worksiteId: number;
  personId: number;
  journeyId: number;
  contractType: string;
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
  particularRisk: Generated<number>;
  passIae: Generated<string>;
  earlyEndDate: string | null;
  earlyEndReason: string | null;
  createdAt: string;
  updatedAt: string;
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
  kind: string;
  date: string;
  startMinutes: number;
  endMinutes: number;
  paid: number;
  /** null: not yet marked; 1 done; 0 did not take place. */
  done: number | null;
  createdAt: string;
}

export interface AttendanceTable {
  sessionId: number;
  participationId: number;
  mark: string;
  actualStart: number | null;
  actualEnd: number | null;
  paid: number;
  proofReceived: Generated<number>;
  proofDate: string | null;
  updatedBy: number | null;
  updatedAt: string;
}

export interface DocumentsTable {
  id: Generated<number>;
  kind: string;
  number: string;
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
  mediaType: string;
  sha256: string;
  size: number;
  authorId: number | null;
  createdAt: string;
}

export interface PayrollHandoffsTable {
  id: Generated<number>;
  month: string;
  employerId: number;
  status: string;
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
  item: string;
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
  item: string | null;
  minutes: number | null;
  centiHours: number | null;
  rateCentiCents: number | null;
  /** The last day the line covers (`date` is the first). */
  dateTo: string | null;
}

export interface EvaluationCriteriaTable {
  id: Generated<number>;
  section: string;
  label: string;
  position: number;
  archived: number;
  createdAt: string;
}

export interface EvaluationsTable {
  id: Generated<number>;
  participationId: number;
  moment: string;
  evaluator: string;
  evaluatedOn: string;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface EvaluationItemsTable {
  evaluationId: number;
  criterionId: number;
  level: string;
  comment: string;
}

export interface ObservationsTable {
  id: Generated<number>;
  participationId: number;
  observedOn: string;
  kind: string;
  text: string;
  authorId: number | null;
  obstacleId: number | null;
  createdAt: string;
}

export interface HealthChecksTable {
  id: Generated<number>;
  participationId: number;
  kind: string;
  date: string;
  paperReceived: number;
  restrictions: string;
  inaptitude: number;
  createdAt: string;
  updatedAt: string;
}

export interface BilansTable {
  participationId: number;
  participantWords: string;
  teamAssessment: string;
  orientation: string | null;
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
  kind: string;
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
  previousVerified: number | null;
}

/** A PMSMP convention (L5135-4); `schedule` is JSON (weekday → start, end, pause in minutes); the bilan columns stay null until written. */
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
  objective: string;
  trade: string;
  goals: string;
  startDate: string;
  endDate: string;
  schedule: string;
  tasks: string;
  skills: string;
  risks: string;
  equipment: string;
  prescriberKind: string;
  prescriberOrganisationId: number;
  prescriberContactId: number | null;
  referentName: string;
  referentFunction: string;
  outcome: string | null;
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
  users: UsersTable;
  journal: JournalTable;
  journalState: JournalStateTable;
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
}
