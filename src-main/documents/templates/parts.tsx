import type { ReactNode } from 'react';
import { agree } from '../../domain/agreement';
import { longFrenchDate } from '../../shared/dates';
import { a, formatPhone } from '../../shared/french';
import { organisationGender, signatoryQuality, titleGender } from '../../shared/organisation';
import type { Party, StructureParty } from '../data';

/** The issuer at the top of the first page: the CCAS's letterhead, or the employer's own (with its logo when it has one). */
export function Letterhead({
  issuer,
  logo = issuer.logo,
  reference,
}: {
  issuer: Party & Partial<Pick<StructureParty, 'phone' | 'email' | 'logo'>>;
  logo?: string | null;
  reference: string;
}) {
  return (
    <header className="letterhead">
      <div className="issuer">
        {logo && <img className="logo" src={logo} alt="" />}
        <div>
          <strong>{issuer.name}</strong>
        </div>
        <div>{issuer.address}</div>
        <div>
          {issuer.postcode} {issuer.town}
        </div>
        <div>SIRET {formatSiret(issuer.siret)}</div>
        {issuer.phone && <div>Tél. {formatPhone(issuer.phone)}</div>}
        {issuer.email && <div>{issuer.email}</div>}
      </div>
      <div className="small">Réf. {reference}</div>
    </header>
  );
}

export function formatSiret(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
}

export interface Signer {
  who: string;
  name: string;
  title?: string;
  /** E.g. "Lu et approuvé", handwritten by the signer. */
  mention?: string;
}

/** "Fait à …, le …" and one box per signer; never split across two pages. A null date is left blank, to be written by hand at signature. */
export function SignatureBlock({
  town,
  date,
  copies,
  signers,
}: {
  town: string;
  date: string | null;
  copies?: number;
  signers: Signer[];
}) {
  return (
    <section className="signatures">
      <div className="place">
        Fait {a(town)}, le {date === null ? '____________________' : longFrenchDate(date)}
        {copies ? `, en ${copies} exemplaires originaux.` : '.'}
      </div>
      <div className="boxes">
        {signers.map((s) => (
          <div className="box" key={s.who}>
            <div className="who">{s.who}</div>
            {/* Nobody recorded (no référent, no supervisor yet): a line to write the signer's name by hand, never an empty box. */}
            {s.name.trim() === '' ? (
              <div className="handwrite">Nom et prénom : ______________________________</div>
            ) : (
              <div>{s.name}</div>
            )}
            {s.title && <div>{s.title}</div>}
            {s.mention && <div className="mention">{s.mention}</div>}
          </div>
        ))}
      </div>
    </section>
  );
}

export function Article({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** When the document was made, apart from the dates of the facts it records. */
export function EstablishedOn({ date }: { date: string }) {
  return <p className="established">Document établi le {longFrenchDate(date)}.</p>;
}

/** "CT-2026-0007 v2"; a preview has no number yet. */
export function referenceOf(d: { number: string; version: number }): string {
  return d.version === 0 ? 'Aperçu — document non enregistré' : `${d.number} v${d.version}`;
}

/**
 * "Je soussignée Élodie Le Gall, Présidente du CCAS de Kerbrénou": the
 * signatory's gender from their title ("soussigné(e)" only when it does not tell).
 */
export function undersigned(party: Pick<Party, 'name' | 'signatoryName' | 'signatoryTitle'>): string {
  const gender = titleGender(party.signatoryTitle);
  const word = agree(gender === 'f' ? 'madame' : gender === 'm' ? 'monsieur' : null, {
    m: 'soussigné',
    f: 'soussignée',
  });
  return `Je ${word} ${party.signatoryName}, ${signatoryQuality(party.signatoryTitle, party.name)}`;
}

/** A legal entity in the parties' block of a contract: who, where, SIRET, represented by whom (agreeing with its name when it tells). */
export function PartyBox({
  role,
  party,
  represented: fallback = 'représenté',
}: {
  role: string;
  party: Party;
  represented?: 'représenté' | 'représentée';
}) {
  const gender = organisationGender(party.name);
  const represented = gender === 'f' ? 'représentée' : gender === 'm' ? 'représenté' : fallback;
  return (
    <div className="party">
      <div className="role">{role}</div>
      <strong>{party.name}</strong>
      <div>
        {party.address}, {party.postcode} {party.town}
      </div>
      <div>SIRET {formatSiret(party.siret)}</div>
      <div>
        {represented} par {party.signatoryName}, {signatoryQuality(party.signatoryTitle, party.name)}
      </div>
    </div>
  );
}
