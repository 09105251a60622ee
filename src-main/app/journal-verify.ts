/**
 * Checking the journal: every entry's HMAC and link, ids without gaps, the
 * head kept outside the database, the clock's story (purges refused,
 * entries dated before the previous one) and what earlier starts found.
 * Each finding says in French what happened, so the administrator can tell
 * the CNIL or the DPO what the journal can and cannot prove.
 */
import { formatFrenchDate } from '../shared/dates';
import { journalMac } from '../db/journal-mac';
import * as repo from '../db/repositories/journal';
import { keyedPayload, legacyHash, type JournalAction, type NewJournalEntry } from './journal';
import type { HeadRead, JournalHead } from './journal-head';
import { frenchDate } from './ports';
import type { ReadableDb } from '../db/access';

export const FINDING_CODES = [
  'entry-altered',
  'chain-broken',
  'ids-missing',
  'tail-cut',
  'head-missing',
  'head-forged',
  'head-mismatch',
  'key-lost',
  'legacy-broken',
  'clock-backwards',
  'purge-refused',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface JournalFinding {
  code: FindingCode;
  message: string;
  entryId: number | null;
}

export interface JournalCheck {
  valid: boolean;
  checked: number;
  /** The first entry that is not what was written (null when none). */
  firstBrokenId: number | null;
  findings: JournalFinding[];
}

/** A clock set back by a few minutes (time synchronisation) is not a finding. */
const BACKWARDS_TOLERANCE_MS = 10 * 60 * 1000;

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function when(at: string): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return 'à une date illisible';
  return `le ${formatFrenchDate(frenchDate(instant))} à ${PARIS_TIME.format(instant)}`;
}

function range(from: number, to: number): string {
  return from === to ? `l’entrée n° ${from}` : `les entrées n° ${from} à ${to}`;
}

/** The messages, one per code; `detail` holds the numbers each one needs. */
export function describeFinding(code: FindingCode, detail: Record<string, string>): string {
  const n = (name: string) => Number(detail[name] ?? 0);
  switch (code) {
    case 'entry-altered':
      return `L’entrée n° ${n('id')} a été modifiée ou fabriquée : son sceau ne correspond pas à son contenu.`;
    case 'chain-broken':
      return `L’entrée n° ${n('id')} ne suit plus l’entrée précédente : une entrée a été retirée, insérée ou recalculée avant elle.`;
    case 'ids-missing':
      return `${range(n('from'), n('to')).replace(/^l/, 'L')} ${n('from') === n('to') ? 'manque' : 'manquent'} : des entrées ont été supprimées.`;
    case 'tail-cut':
      return `Les dernières entrées du journal ont été retirées : la tête du journal annonce ${n('headCount')} entrées jusqu’au n° ${n('headLast')}, la base n’en a que ${n('count')}.`;
    case 'head-missing':
      return 'Le fichier de tête du journal (journal-tete.json) a disparu : rien ne prouve plus que les dernières entrées sont toutes là.';
    case 'head-forged':
      return 'Le fichier de tête du journal (journal-tete.json) a été modifié : son sceau ne correspond pas.';
    case 'head-mismatch':
      return `L’entrée n° ${n('id')} annoncée par la tête du journal a été remplacée : un numéro a été réutilisé ou le journal remplacé.`;
    case 'key-lost':
      return `La clé du journal a disparu de cet ordinateur : ${range(n('from'), n('to'))} ne peuvent plus être vérifiées ; le journal a été scellé de nouveau ensuite.`;
    case 'legacy-broken':
      return `Avant d’être scellé avec sa clé, l’ancien journal était déjà rompu à l’entrée n° ${n('id')}.`;
    case 'clock-backwards':
      return `L’entrée n° ${n('id')} est datée avant la précédente : l’horloge de l’ordinateur a reculé de ${n('minutes')} minutes.`;
    case 'purge-refused':
      return detail.reason === 'behind'
        ? `La purge des entrées anciennes a été refusée ${detail.when} : l’horloge de l’ordinateur était ${n('minutes')} minutes avant la dernière entrée.`
        : `La purge des entrées anciennes a été refusée ${detail.when} : l’horloge de l’ordinateur avait avancé de ${n('days')} jours depuis la dernière entrée.`;
  }
}

function finding(
  code: FindingCode,
  entryId: number | null,
  detail: Record<string, string | number> = {},
): JournalFinding {
  const text = Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, String(v)]));
  return { code, message: describeFinding(code, text), entryId };
}

/** "alert:tail-cut", "headLast:12"… → code and details, for the alerts an earlier start journaled. */
export function alertRecords(found: JournalFinding & { detail?: Record<string, string | number> }): string[] {
  return [`alert:${found.code}`, ...Object.entries(found.detail ?? {}).map(([k, v]) => `${k}:${v}`)];
}

function parseAlert(records: readonly string[], at: string): JournalFinding | null {
  const code = records[0]?.startsWith('alert:') ? (records[0].slice(6) as FindingCode) : null;
  if (!code || !(FINDING_CODES as readonly string[]).includes(code)) return null;
  const detail = Object.fromEntries(
    records.slice(1).map((r) => [r.slice(0, r.indexOf(':')), r.slice(r.indexOf(':') + 1)]),
  );
  // A restore of the database outside Passerelle (the IT provider's pg_restore or file copy) cuts the tail the same
  // way as a deletion: the start cannot tell them apart, the people who know can.
  const restore =
    code === 'tail-cut'
      ? ' Une restauration de la base faite en dehors de Passerelle (par votre prestataire informatique, depuis une sauvegarde du serveur PostgreSQL ou une copie du fichier) donne aussi ce constat : demandez-lui s’il en a fait une, et quand.'
      : '';
  return {
    code,
    message: `Constaté au démarrage ${when(at)} : ${describeFinding(code, detail)}${restore}`,
    entryId: null,
  };
}

interface Row {
  id: number;
  at: string;
  userId: number | null;
  action: JournalAction;
  method: string;
  records: string;
  prevHash: string;
  hash: string;
}

function entryOf(row: Row, records: string[]): NewJournalEntry {
  return { at: row.at, userId: row.userId, action: row.action, method: row.method, records };
}

function parseRecords(text: string): string[] | null {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null;
  }
}

/** Whether an entry written under the journal's key is what was written (its HMAC over its id, link and content). */
export function keyedEntryHolds(key: Buffer, row: Row): boolean {
  const records = parseRecords(row.records);
  return records !== null && journalMac(key, keyedPayload(row.id, row.prevHash, entryOf(row, records))) === row.hash;
}

/**
 * What the head kept outside says, against the database. Also run at each
 * start, before anything is appended. A gap in the middle is left to the
 * entry-by-entry check: ids are never reused, so it stays visible.
 *
 * Several PCs on one PostgreSQL database: a PC's head lags behind what the
 * others appended (accepted: the entries beyond it are checked one by one)
 * and behind what they purged. Entries the head announced, purged since by
 * another PC, are accepted only with a purge entry after them whose HMAC
 * holds (`purges`: the caller checked it under the key): whoever cuts rows
 * cannot write one.
 */
export function headFindings(
  read: HeadRead,
  rows: readonly Pick<Row, 'id' | 'hash'>[],
  state: { sealedId: number | null; anchorId: number },
  purges: readonly Pick<Row, 'id'>[] = [],
): (JournalFinding & { detail: Record<string, number> })[] {
  if (state.sealedId === null) return [];
  if (read.status === 'missing') return [{ ...finding('head-missing', null), detail: {} }];
  if (read.status === 'forged') return [{ ...finding('head-forged', null), detail: {} }];
  const head: JournalHead = read.head;
  const lastId = rows.at(-1)?.id ?? state.anchorId;
  if (lastId < head.lastId) {
    const detail = {
      headLast: head.lastId,
      headCount: head.count,
      count: rows.filter((r) => r.id <= head.lastId).length,
    };
    return [{ ...finding('tail-cut', head.lastId, detail), detail }];
  }
  if (state.anchorId < head.anchorId) {
    const detail = { from: state.anchorId + 1, to: head.anchorId };
    return [{ ...finding('ids-missing', null, detail), detail }];
  }
  const announced = rows.find((r) => r.id === head.lastId);
  const announcedMac = announced?.hash ?? (head.lastId === state.anchorId ? head.lastMac : null);
  const purgedSince = announced === undefined && head.lastId < state.anchorId && purges.some((p) => p.id > head.lastId);
  if (head.sealId === state.sealedId && purgedSince) return [];
  if (head.sealId !== state.sealedId || announcedMac !== head.lastMac) {
    const detail = { id: head.lastId };
    return [{ ...finding('head-mismatch', head.lastId, detail), detail }];
  }
  return [];
}

export async function verifyJournal(db: ReadableDb, key: Buffer, head: HeadRead): Promise<JournalCheck> {
  const state = await repo.journalState(db);
  const rows: Row[] = await repo.allEntries(db);
  const findings: JournalFinding[] = [];
  const sealedId = state.sealedId ?? Number.POSITIVE_INFINITY;
  // Entries before a seal are checked as that seal says: the SHA-256 chain of
  // the journal before its key, or nothing when the key was lost.
  const seals = rows
    .filter((r) => r.action === 'seal')
    .map((r) => ({
      id: r.id,
      keyLost: r.records.includes('previous:key-lost'),
      records: parseRecords(r.records) ?? [],
    }));
  const sealAfter = (id: number) => seals.find((s) => s.id > id);
  const lostRanges = new Map<number, { from: number; to: number }>();

  let expectedPrev = state.anchorHash;
  let expectedId = state.anchorId + 1;
  let previousAt: string | null = null;
  for (const row of rows) {
    if (row.id > expectedId) findings.push(finding('ids-missing', expectedId, { from: expectedId, to: row.id - 1 }));
    else if (row.prevHash !== expectedPrev) findings.push(finding('chain-broken', row.id, { id: row.id }));
    const records = parseRecords(row.records);
    const governing = row.id < sealedId ? sealAfter(row.id) : undefined;
    if (governing?.keyLost) {
      const lost = lostRanges.get(governing.id) ?? { from: row.id, to: row.id };
      lost.to = row.id;
      lostRanges.set(governing.id, lost);
    } else {
      const expected =
        records === null
          ? null
          : row.id < sealedId
            ? legacyHash(row.prevHash, entryOf(row, records))
            : journalMac(key, keyedPayload(row.id, row.prevHash, entryOf(row, records)));
      if (expected !== row.hash) findings.push(finding('entry-altered', row.id, { id: row.id }));
    }
    if (previousAt && Date.parse(row.at) < Date.parse(previousAt) - BACKWARDS_TOLERANCE_MS) {
      findings.push(
        finding('clock-backwards', row.id, {
          id: row.id,
          minutes: Math.round((Date.parse(previousAt) - Date.parse(row.at)) / 60000),
        }),
      );
    }
    if (records && row.action === 'purge-refused') {
      const [, reason, amount] = (records[0] ?? '').split(':');
      findings.push(
        finding('purge-refused', row.id, {
          reason: reason ?? '',
          when: when(row.at),
          minutes: amount ?? 0,
          days: amount ?? 0,
        }),
      );
    }
    if (records && row.action === 'alert') {
      const alert = parseAlert(records, row.at);
      if (alert) findings.push({ ...alert, entryId: row.id });
    }
    if (records && row.action === 'seal') {
      const broken = records.find((r) => r.startsWith('broken:'));
      if (broken) findings.push(finding('legacy-broken', Number(broken.slice(7)), { id: broken.slice(7) }));
    }
    expectedPrev = row.hash;
    expectedId = row.id + 1;
    previousAt = row.at;
  }
  for (const lost of lostRanges.values()) findings.push(finding('key-lost', lost.from, lost));
  const purges = rows.filter((r) => r.action === 'purge' && r.id >= sealedId && keyedEntryHolds(key, r));
  findings.push(...headFindings(head, rows, state, purges).map(({ detail: _detail, ...f }) => f));

  const brokenCodes: readonly FindingCode[] = ['entry-altered', 'chain-broken', 'ids-missing', 'legacy-broken'];
  const broken = findings
    .filter((f) => f.entryId !== null && brokenCodes.includes(f.code) && !f.message.startsWith('Constaté'))
    .map((f) => f.entryId!);
  return {
    valid: findings.length === 0,
    checked: rows.length,
    firstBrokenId: broken.length > 0 ? Math.min(...broken) : null,
    findings,
  };
}
