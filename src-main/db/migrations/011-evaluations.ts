import { sql, type Kysely } from 'kysely';
import { autoId, strictTable } from '../engine';

/**
 * Evaluation grid (with its default lines), evaluations, observations, health
 * checks without medical content, bilans, and the psychologist's private
 * notes. Frozen in time: the default grid is written here as it was shipped.
 */
const DEFAULT_GRID: Record<string, string[]> = {
  savoir_etre: [
    'Ponctualité',
    'Assiduité',
    'Respect des consignes et de la sécurité (EPI)',
    'Travail en équipe',
    'Communication',
    'Motivation',
    'Autonomie',
    'Rapport à la hiérarchie',
  ],
  menuiserie: [
    'Utiliser les outils en sécurité',
    'Mesurer, tracer et couper',
    'Assembler et fixer',
    'Entretenir son poste et ses outils',
  ],
  nettoyage: [
    'Respecter le protocole et les dosages',
    'Utiliser le matériel (autolaveuse, monobrosse)',
    'Organiser son chantier',
    'Contrôler la qualité de son travail',
  ],
  manutention: [
    'Porter en sécurité (gestes et postures)',
    'Charger, décharger et ranger',
    'Utiliser le transpalette',
    'Trier et conditionner',
  ],
  espaces_verts: [
    'Utiliser les outils et machines en sécurité',
    'Tondre, débroussailler et tailler',
    'Reconnaître les végétaux courants',
    'Évacuer et trier les déchets verts',
  ],
  batiment: [
    'Préparer les supports',
    'Peindre et enduire',
    'Utiliser les outils et l’échafaudage en sécurité',
    'Nettoyer et ranger le chantier',
  ],
  lingerie: [
    'Trier le linge',
    'Laver et sécher selon les étiquettes',
    'Repasser et plier',
    'Faire une retouche simple',
  ],
  ressourcerie: [
    'Trier et valoriser les objets',
    'Nettoyer et réparer simplement',
    'Mettre en rayon et étiqueter',
    'Accueillir et conseiller les clients',
  ],
  autre: [
    'Comprendre la tâche demandée',
    'Utiliser les outils en sécurité',
    'Organiser son travail',
    'Contrôler le résultat',
  ],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation_criteria')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`archived in (0, 1)`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  const now = new Date().toISOString();
  for (const [section, labels] of Object.entries(DEFAULT_GRID)) {
    await db
      .insertInto('evaluation_criteria')
      .values(labels.map((label, position) => ({ section, label, position, archived: 0, created_at: now })))
      .execute();
  }

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('participation_id', 'integer', (c) => c.notNull().references('participations.id').onDelete('cascade'))
    .addColumn('moment', 'text', (c) => c.notNull().check(sql`moment in ('debut', 'mi_parcours', 'fin')`))
    .addColumn('evaluator', 'text', (c) => c.notNull().check(sql`evaluator in ('encadrant', 'participant')`))
    .addColumn('evaluated_on', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evaluations_once', ['participation_id', 'moment', 'evaluator'])
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema
    .createTable('evaluation_items')
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('evaluation_criteria.id'))
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('non_evalue', 'non_acquis', 'en_cours', 'acquis', 'maitrise')`),
    )
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('evaluation_items_pk', ['evaluation_id', 'criterion_id'])
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('participation_id', 'integer', (c) => c.notNull().references('participations.id').onDelete('cascade'))
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('obstacle_id', 'integer', (c) => c.references('obstacles.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema.createIndex('observations_by_participation').on('observations').column('participation_id').execute();

  await db.schema
    .createTable('health_checks')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('participation_id', 'integer', (c) => c.notNull().references('participations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('vip', 'bilan_sante', 'suivi_renforce')`))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('paper_received', 'integer', (c) => c.notNull().check(sql`paper_received in (0, 1)`))
    .addColumn('restrictions', 'text', (c) => c.notNull().defaultTo(''))
    // Only occupational health declares an inaptitude: never after a health-insurance health check.
    .addColumn('inaptitude', 'integer', (c) =>
      c.notNull().check(sql`inaptitude in (0, 1) and (inaptitude = 0 or kind <> 'bilan_sante')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();

  await db.schema
    .createTable('bilans')
    .addColumn('participation_id', 'integer', (c) => c.primaryKey().references('participations.id').onDelete('cascade'))
    .addColumn('participant_words', 'text', (c) => c.notNull())
    .addColumn('team_assessment', 'text', (c) => c.notNull())
    .addColumn('orientation', 'text')
    .addColumn('next_steps', 'text', (c) => c.notNull())
    .addColumn('referent_to_inform', 'text', (c) => c.notNull())
    .addColumn('activities_done', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();
  await db.schema
    .createTable('worksite_bilans')
    .addColumn('worksite_id', 'integer', (c) => c.primaryKey().references('worksites.id').onDelete('cascade'))
    .addColumn('production', 'text', (c) => c.notNull())
    .addColumn('incidents', 'text', (c) => c.notNull())
    .addColumn('comments', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strictTable(db))
    .execute();

  // One note per debrief and psychologist; read by its author only.
  await db.schema
    .createTable('psychologist_notes')
    .addColumn('annex_time_id', 'integer', (c) => c.notNull().references('annex_times.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('psychologist_notes_pk', ['annex_time_id', 'author_id'])
    .modifyEnd(strictTable(db))
    .execute();
}
