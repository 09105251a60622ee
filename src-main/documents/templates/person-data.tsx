import { formatPhone } from '../../shared/french';
import { longFrenchDate } from '../../shared/dates';
import { theOrganisation } from '../../shared/organisation';
import type { PersonDocumentData } from '../data';
import { greeting, Recipient } from './letter';
import { Letterhead, referenceOf, SignatureBlock } from './parts';

const CNIL = 'la CNIL (3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07 — www.cnil.fr)';

/**
 * Everything held about a person (right of access, RGPD art. 15), as a
 * letter to them: what it is, the data section by section in plain words,
 * their other rights and whom to ask. The JSON file given with it holds the
 * same sections.
 */
export function PersonData({ d }: { d: PersonDocumentData }) {
  const { structure, person } = d;
  const held = d.held!;
  const the = theOrganisation(structure.name);
  const The = the.charAt(0).toLocaleUpperCase('fr-FR') + the.slice(1);
  const contact = [structure.email, structure.phone && formatPhone(structure.phone)].filter(Boolean).join(', ');
  const hello = greeting(person.civility);
  return (
    <>
      <Letterhead issuer={structure} logo={structure.logo} reference={referenceOf(d)} />
      <Recipient person={person} />
      <p>
        <strong>Objet : vos données personnelles (droit d’accès)</strong>
      </p>
      <p>{hello}</p>
      <p>
        Vous trouverez ci-dessous toutes les données que {the} enregistre sur vous dans Passerelle, son logiciel de
        suivi des chantiers d’insertion, telles qu’elles sont au {longFrenchDate(d.issuedOn)} : votre identité, votre
        situation, votre parcours, vos contrats, vos présences, les évaluations, les bilans et, s’il y en a, les notes
        de la psychologue vous concernant. Les rubriques vides sont indiquées comme telles.
      </p>
      {held.sections.map((s) => (
        <section key={s.title}>
          <h2>{s.title}</h2>
          {s.rows.length === 0 ? (
            <p className="small">Rien n’est enregistré.</p>
          ) : (
            s.rows.map((row, i) => (
              <table key={i} className="held">
                <tbody>
                  {Object.entries(row).map(([k, v]) => (
                    <tr key={k}>
                      <th style={{ width: '35%' }}>{k}</th>
                      <td>{v === null || v === '' ? '—' : String(v)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))
          )}
        </section>
      ))}
      <h2>Vos droits</h2>
      <p>
        Vous pouvez faire corriger ce qui est inexact, demander l’effacement de ce qui n’est plus nécessaire quand la
        loi le permet, vous opposer à un traitement ou demander sa limitation. Un fichier informatique (JSON) reprenant
        les mêmes données peut vous être remis, pour les transmettre à un autre organisme. Adressez-vous{' '}
        {contact ? `au secrétariat (${contact})` : 'au secrétariat'} ou écrivez à {structure.signatoryName},{' '}
        {structure.address}, {structure.postcode} {structure.town} : nous répondons dans un délai d’un mois. Si notre
        réponse ne vous convient pas, vous pouvez saisir {CNIL}.
      </p>
      <p>
        {The} reste à votre disposition pour toute question. Nous vous prions d’agréer, {hello.replace(/,$/, '')}, nos
        salutations distinguées.
      </p>
      <SignatureBlock
        town={structure.town}
        date={d.issuedOn}
        signers={[{ who: structure.name, name: structure.signatoryName, title: structure.signatoryTitle }]}
      />
    </>
  );
}
