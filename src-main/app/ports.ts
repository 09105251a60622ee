/**
 * Ports: what the core needs from the outside world, with one adapter per
 * transport (Electron or browser mode) and fakes in tests.
 */
import type { FilePurpose } from '../shared/contract/files';
import type { ParsedInput } from '../shared/contract';
import type { PairedServerView, PosteStatus } from '../shared/contract/poste';

export interface Clock {
  now(): Date;
}

/**
 * File choices. The desktop app shows native dialogs; browser mode has none
 * (`native: false`) and the renderer shows its in-app picker instead.
 */
export interface Dialogs {
  readonly native: boolean;
  /**
   * Main is not on the person's PC (the Passerelle server, issue 29): files
   * are chosen by the client on its own PC and sent as bytes (`uploadedFile`);
   * folders to write into are not offered (what is made is sent back instead).
   */
  readonly upload?: boolean;
  /** Resolves to the chosen path, or null when the user cancelled. */
  chooseFile(purpose: FilePurpose, extensions: readonly string[]): Promise<string | null>;
  chooseFolder(purpose: FilePurpose): Promise<string | null>;
}

export const systemClock: Clock = { now: () => new Date() };

const PARIS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in metropolitan France: what "today" means on a contract or a sheet. */
export function frenchDate(instant: Date): string {
  return PARIS_DATE.format(instant);
}

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-23_15h43": the date and time in metropolitan France, for file names. */
export function frenchStamp(instant: Date): string {
  return `${frenchDate(instant)}_${PARIS_TIME.format(instant).replace(':', 'h')}`;
}

/** Browser mode: no native dialog; see `files/list`. */
export const pickerDialogs: Dialogs = {
  native: false,
  chooseFile: async () => null,
  chooseFolder: async () => null,
};

/** The Passerelle server: every file comes from the client PC, as bytes (`files/chooseFile` answers `upload`). */
export const uploadDialogs: Dialogs = {
  native: false,
  upload: true,
  chooseFile: async () => null,
  chooseFolder: async () => null,
};

/**
 * This PC’s link to the Passerelle server of the office (`poste/…` methods),
 * given by the station that runs this PC (lan/station.ts). None on the server
 * itself (`npm run server`) nor in tests that do not pair.
 */
export interface PosteControl {
  status(): Promise<PosteStatus>;
  probe(address: string): Promise<{ address: string; fingerprint: string }>;
  pair(input: ParsedInput<'poste/pair'>): Promise<{ server: PairedServerView }>;
  forget(): Promise<void>;
}
