import type { PairedServerView } from '@shared/contract/poste';
import type { Fact } from '../../ui/FactsTable';

/** The office server a paired PC works with, as « Ce poste » and « Emplacement des données » both state it. */
export function pairedServerFacts(server: PairedServerView): Fact[] {
  return [
    { label: 'Adresse du serveur', value: server.address },
    { label: 'Nom de ce PC sur le serveur', value: server.deviceName },
  ];
}
