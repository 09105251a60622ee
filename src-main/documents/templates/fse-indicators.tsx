import type { StructureParty } from '../data';
import { SECRECY_NOTE } from '../../domain/secrecy';
import { FSE_COLUMNS, FSE_COLUMN_LABELS, FSE_SECTION_LABELS } from '../../domain/fse-plus-indicators';
import type { FseIndicatorsTable } from '../../shared/contract/fse-indicators';
import { longFrenchDate } from '../../shared/dates';
import { FSE_COUNTING_RULES, fseCellText, fsePeriodText, fseSections } from '../../exports/fse-indicators';
import { Letterhead } from './parts';

export interface FseIndicatorsData {
  structure: StructureParty;
  table: FseIndicatorsTable;
  issuedOn: string;
}

/**
 * The FSE+ indicators table of an operation for a period, as the funder's
 * officer reads it: each common indicator of Regulation (EU) 2021/1057,
 * Annex I, with its code, by sex, hidden cells marked, and how each part is
 * counted.
 */
export function FseIndicatorsReport({ d }: { d: FseIndicatorsData }) {
  const { table } = d;
  return (
    <>
      <Letterhead
        issuer={d.structure}
        logo={d.structure.logo}
        reference={`indicateurs FSE+ édités le ${longFrenchDate(d.issuedOn)}`}
      />
      <h1>Indicateurs communs FSE+</h1>
      <p className="subtitle">
        Opération « {table.operation.name} » — financeur : {table.operation.funderName}
      </p>
      <p className="subtitle">Période {fsePeriodText(table)}</p>
      <p className="small">
        Règlement (UE) 2021/1057 du 24 juin 2021 (FSE+), annexe I : indicateurs communs de réalisation et de résultat
        relatifs aux participants, ventilés par sexe.
      </p>
      <table className="fse-table">
        <thead>
          <tr>
            <th style={{ width: '10%' }}>Code</th>
            <th>Indicateur</th>
            {FSE_COLUMNS.map((c) => (
              <th key={c} className="num" style={{ width: '10%' }}>
                {FSE_COLUMN_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        {fseSections(table.lines).map(({ section, lines }) => (
          <tbody key={section}>
            <tr className="fse-section">
              <th colSpan={5}>{FSE_SECTION_LABELS[section]}</th>
            </tr>
            {lines.map((line) => (
              <tr key={line.key}>
                <td className="small">{line.code ?? ''}</td>
                <td className={line.sub ? 'fse-sub' : undefined}>{line.label}</td>
                {FSE_COLUMNS.map((c) => (
                  <td key={c} className="num">
                    {fseCellText(line.cells[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <h2>Règles de comptage</h2>
      {Object.values(FSE_COUNTING_RULES).map((rule) => (
        <p key={rule} className="small">
          {rule}
        </p>
      ))}
      <p className="small">{SECRECY_NOTE}</p>
    </>
  );
}

export const FSE_INDICATORS_CSS = `
.fse-table { break-inside: auto; }
.fse-table tr { break-inside: avoid; }
.fse-section th { background: #eef3f1; text-align: left; padding-top: 2mm; }
.fse-sub { padding-left: 6mm; }
`;
