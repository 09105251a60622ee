import { describe, expect, it } from 'vitest';
import { DOCUMENT_REGISTRY } from '../../src-main/documents/kinds';
import {
  DOCUMENT_KIND_INFO,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_OPTIONS,
  DOCUMENT_PREFIXES,
} from '../../src-main/shared/contract/document-kinds';
import { documentRequest } from '../../src-main/shared/contract/documents';

/** The parts every kind must have, whatever its owner. */
const COMMON = ['kind', 'label', 'prefix', 'owner', 'fileLabel', 'options', 'guard', 'template', 'collect'] as const;
const BY_OWNER = { participation: ['datedBy'], worksite: [], person: [] } as const;

describe('the registry of document kinds', () => {
  it.each(DOCUMENT_KINDS)('%s has every part', (kind) => {
    const entry = DOCUMENT_REGISTRY[kind] as unknown as Record<string, unknown> | undefined;
    expect(entry, `${kind} is missing from documents/kinds/index.ts`).toBeDefined();
    for (const part of [...COMMON, ...BY_OWNER[entry!.owner as keyof typeof BY_OWNER]]) {
      expect(entry![part], `${kind}: ${part}`).toBeDefined();
      expect(entry![part], `${kind}: ${part}`).not.toBe('');
    }
    expect(entry!.kind).toBe(kind);
    expect(typeof entry!.guard).toBe('function');
    expect(typeof entry!.template).toBe('function');
    expect(typeof entry!.collect).toBe('function');
    expect(entry).toMatchObject(DOCUMENT_KIND_INFO[kind]);
    expect(entry!.prefix, 'a prefix of 2 to 4 capitals').toMatch(/^[A-Z]{2,4}$/);
    expect(entry!.fileLabel, 'a file label safe on every system').toMatch(/^[A-Za-z_]+$/);
    for (const option of entry!.options as string[]) expect(DOCUMENT_OPTIONS).toContain(option);
  });

  it('lists nothing the description does not, and nothing twice', () => {
    expect(Object.keys(DOCUMENT_REGISTRY).sort()).toEqual([...DOCUMENT_KINDS].sort());
    const prefixes = Object.values(DOCUMENT_PREFIXES);
    expect(new Set(prefixes).size, 'one prefix per kind: numbers never collide').toBe(prefixes.length);
    const labels = Object.values(DOCUMENT_KIND_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    const fileLabels = DOCUMENT_KINDS.map((k) => DOCUMENT_REGISTRY[k].fileLabel);
    expect(new Set(fileLabels).size).toBe(fileLabels.length);
  });

  it.each(DOCUMENT_KINDS)('%s can be asked for through the contract, with its options', (kind) => {
    const { owner, options } = DOCUMENT_KIND_INFO[kind] as (typeof DOCUMENT_KIND_INFO)[typeof kind] & { weekly?: true };
    const owned =
      owner === 'participation' ? { participationId: 1 } : owner === 'worksite' ? { worksiteId: 1 } : { personId: 1 };
    const week = 'weekly' in DOCUMENT_KIND_INFO[kind] ? { weekOf: '2026-06-01' } : {};
    const flags = Object.fromEntries(options.map((o) => [o, true]));
    const parsed = documentRequest.safeParse({ kind, ...owned, ...week, ...flags });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toMatchObject(flags);
  });
});
