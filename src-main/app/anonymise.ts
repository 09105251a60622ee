/**
 * Anonymisation: what identifies a person goes for good — identity, contact
 * details, NIR, free texts, notes, observations, their documents and scans —
 * while what the statistics count stays (sex, a birth date giving the same
 * ages at every entry, categories of resources and education, prescriber,
 * dates, hours, exit category). Documents of a whole worksite and payroll
 * hand-offs that name them are made again without their name.
 *
 * Order, so that a failure never leaves the registry pointing at nothing:
 * read → print the replacement files → one transaction that scrubs the rows
 * and points at the new files → shred the old files → VACUUM (with
 * secure_delete on, no freed page keeps the old bytes).
 */
import path from 'node:path';
import * as anonymisation from '../db/repositories/anonymisation';
import { findEmployer } from '../db/repositories/settings';
import { findUser } from '../db/repositories/users';
import { structurePartyOf } from '../documents/collect';
import type { WorksiteDocumentData } from '../documents/data';
import { renderWorksiteDocument } from '../documents/render';
import { sha256, shred, writeAtomically } from '../documents/store';
import { anonymousBirthDate } from '../domain/retention';
import { AppError } from '../shared/errors';
import { nameSearchKey } from '../shared/text';
import type { NoneContext } from './handler';
import { dropPreRestoreCopies } from './work-files';
import { PERSONAL_DATA } from '../db/personal-data';
import { compute, handoffFiles, handoffSources, linesView } from './read-models/payroll-facts';
import { scrubImmersions } from '../db/repositories/pmsmp';
import { scrubFseSensitive } from '../db/repositories/fse-plus';

const anonymousName = (id: number) => ({ lastName: 'ANONYME', firstNames: `Personne n°${id}` });

/** Replaces every way a document writes these people's names. */
function nameReplacer(people: readonly { id: number; firstNames: string; lastName: string }[]) {
  const pairs: [string, string][] = [];
  for (const p of people) {
    const a = anonymousName(p.id);
    const upper = p.lastName.toLocaleUpperCase('fr-FR');
    pairs.push(
      [`${p.firstNames} ${p.lastName}`, `${a.firstNames} ${a.lastName}`],
      [`${p.lastName} ${p.firstNames}`, `${a.lastName} ${a.firstNames}`],
      [`${p.firstNames} ${upper}`, `${a.firstNames} ${a.lastName}`],
      [`${upper} ${p.firstNames}`, `${a.lastName} ${a.firstNames}`],
    );
  }
  // Longest first: "Anne-Marie X" before "Marie X".
  pairs.sort(([a], [b]) => b.length - a.length);
  return (text: string) => pairs.reduce((t, [from, to]) => t.split(from).join(to), text);
}

export async function anonymise(ctx: NoneContext, personIds: readonly number[]): Promise<number> {
  const { services } = ctx;
  const paths = services.paths;
  const ids = [...new Set(personIds)];

  const { plan, logo } = await ctx.read(async ({ db }) => {
    const people = await anonymisation.peopleToAnonymise(db, ids);
    if (people.length !== ids.length) throw new AppError('NOT_FOUND', 'Une des personnes choisies est introuvable.');
    const participations = await anonymisation.participationsOf(db, ids);
    const plan = {
      people,
      participations,
      ownDocuments: await anonymisation.ownDocumentsOf(db, ids),
      attachments: await anonymisation.attachmentsOf(db, ids),
      worksiteDocuments: await anonymisation.worksiteDocumentsOf(db, [
        ...new Set(participations.map((p) => p.worksiteId)),
      ]),
      handoffs: (await anonymisation.allHandoffs(db)).filter((h) =>
        (JSON.parse(h.content) as { lines: { personId: number }[] }).lines.some((l) => ids.includes(l.personId)),
      ),
    };
    return { plan, logo: (await structurePartyOf(db, paths.filesDir)).logo };
  });
  const replace = nameReplacer(plan.people);
  const anonymised = new Set(ids);

  // Replacement files, printed outside any transaction.
  const redrawn: { id: number; storedFile: string; old: string; sha256: string; size: number; snapshot: string }[] = [];
  for (const doc of plan.worksiteDocuments) {
    const snapshot = replace(doc.snapshot);
    if (snapshot === doc.snapshot) continue;
    const data = JSON.parse(snapshot) as WorksiteDocumentData;
    const pdf = await services.printer.print(
      renderWorksiteDocument(
        { ...data, structure: { ...data.structure, logo: data.structure.logo ? logo : null } },
        services.fontsDir,
      ),
    );
    const storedFile = `${doc.number}-v${doc.version}-${sha256(pdf).slice(0, 12)}.pdf`;
    await writeAtomically(path.join(paths.documentsDir, storedFile), pdf);
    redrawn.push({ id: doc.id, storedFile, old: doc.storedFile, sha256: sha256(pdf), size: pdf.length, snapshot });
  }
  const rebuilt: { id: number; content: string; files: Awaited<ReturnType<typeof handoffFiles>>; old: string[] }[] = [];
  for (const h of plan.handoffs) {
    const facts = await ctx.read(async ({ db }) => {
      const employer = await findEmployer(db, h.employerId);
      if (!employer) return null;
      return {
        employer,
        computed: await compute(db, ctx.today, h.month, h.employerId),
        validator: h.validatedBy ? await findUser(db, h.validatedBy) : null,
        sources: await handoffSources(db, paths.filesDir, h.employerId),
      };
    });
    if (!facts) continue;
    const { employer, computed, validator, sources } = facts;
    const lines = computed.lines.map((l) =>
      anonymised.has(l.person.personId)
        ? { ...l, person: { ...l.person, ...anonymousName(l.person.personId), nir: null, matricule: null } }
        : l,
    );
    const files = await handoffFiles(services, sources, {
      month: h.month,
      employer,
      lines,
      coordinator: validator?.displayName ?? '',
      issuedOn: h.validatedAt.slice(0, 10),
    });
    const content = JSON.parse(replace(h.content)) as { checks: unknown; lines: unknown };
    // Figures name no one: the kept ones stay, so a change made before still shows.
    rebuilt.push({
      id: h.id,
      content: JSON.stringify({ ...content, lines: linesView(lines) }),
      files,
      old: [h.xlsxFile, h.csvFile, h.pdfFile, ...(h.variablesFile ? [h.variablesFile] : [])],
    });
  }

  await ctx.transaction(async (tx) => {
    for (const p of plan.people) {
      const entries = plan.participations.filter((x) => x.personId === p.id).map((x) => x.startDate);
      const a = anonymousName(p.id);
      const birthDate = anonymousBirthDate(p.birthDate, entries);
      await anonymisation.rewriteIdentity(
        tx,
        p.id,
        { ...a, birthDate, searchKey: nameSearchKey(`${a.lastName} ${a.firstNames}`) },
        ctx,
      );
    }
    // Free texts emptied, rows deleted, as db/personal-data.ts declares; then the rewrites it names.
    await anonymisation.scrubDeclared(tx, ids);
    await anonymisation.summariseOutcomes(tx, ids);
    await scrubImmersions(tx, ids);
    await scrubFseSensitive(tx, ids);
    await anonymisation.withdrawDocuments(
      tx,
      plan.ownDocuments.map((d) => d.id),
    );
    await anonymisation.deleteAttachments(
      tx,
      plan.attachments.map((a) => a.id),
    );
    for (const r of redrawn)
      await anonymisation.replaceDocumentFile(tx, r.id, {
        storedFile: r.storedFile,
        sha256: r.sha256,
        size: r.size,
        snapshot: r.snapshot,
      });
    for (const r of rebuilt) {
      await anonymisation.replaceHandoff(tx, r.id, {
        content: r.content,
        xlsxFile: r.files.files.xlsx,
        xlsxSha256: sha256(r.files.xlsx),
        csvFile: r.files.files.csv,
        csvSha256: sha256(r.files.csv),
        pdfFile: r.files.files.pdf,
        pdfSha256: sha256(r.files.pdf),
        variablesFile: r.files.files.variables,
        variablesSha256: sha256(r.files.variables),
      });
    }
    for (const id of ids) ctx.record(`person:${id}`);
  });

  // The old files, once nothing points at them any more.
  for (const d of plan.ownDocuments)
    if (d.storedFile) await shred(path.join(paths.documentsDir, path.basename(d.storedFile)));
  for (const a of plan.attachments) await shred(path.join(paths.attachmentsDir, path.basename(a.storedFile)));
  for (const r of redrawn) if (r.old !== r.storedFile) await shred(path.join(paths.documentsDir, path.basename(r.old)));
  for (const r of rebuilt)
    for (const old of r.old)
      if (!Object.values(r.files.files).includes(old)) await shred(path.join(paths.payrollDir, path.basename(old)));
  // SQLite: freed pages are zeroed (secure_delete) and dropped, the WAL emptied. PostgreSQL: the tables
  // holding personal data rewritten (VACUUM FULL), so the erased rows leave their files.
  await services.engine.compact([...new Set(PERSONAL_DATA.map((d) => d.table))]);
  // The copies kept before a restore still hold the person as they were.
  await dropPreRestoreCopies(paths);
  return ids.length;
}
