import { Alert, Loader } from '@mantine/core';
import { useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';

/**
 * A social worker sees the people whose social referent she is: the link goes through her card
 * in the directory. Said plainly when nothing is linked yet, with who can do it and where.
 */
export function CaseloadHint() {
  const { user } = useSignedIn();
  const caseload = useApiQuery('people/search', { pageSize: 5 });
  const directory = useApiQuery('contacts/list', { includeArchived: false });
  if (caseload.isPending || directory.isPending) return <Loader size="sm" />;
  if (!caseload.data || caseload.data.total > 0) return null;
  const linked = (directory.data ?? []).some((o) => o.contacts.some((c) => c.userId === user.id));
  return linked ? (
    <Alert color="blue" variant="light" title="Aucune personne suivie pour l’instant">
      Votre compte est bien relié à votre fiche de l’annuaire. Vous verrez une personne dès que vous serez choisi·e
      comme référent social sur sa fiche, par la coordination ou le secrétariat.
    </Alert>
  ) : (
    <Alert color="blue" variant="light" title="Votre compte n’est pas encore relié à votre fiche de l’annuaire">
      Pour voir les personnes que vous suivez, un administrateur de Passerelle doit relier votre compte à votre fiche :
      dans Paramètres › Comptes, ou dans Contacts › votre fiche › Compte Passerelle.
    </Alert>
  );
}
