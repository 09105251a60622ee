import { Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Employer } from '@shared/contract/settings';
import { call, useApiMutation } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { EmployerCard } from './EmployerCard';
import { EmployerFormModal } from './EmployerFormModal';
import { useSignedIn } from '../auth/SessionContext';
import { PayItemCodesModal } from '../payroll/PayItemCodesModal';

/** Employers are archived, never deleted: past contracts and documents name them. */
export function EmployersSettings({ employers }: { employers: Employer[] }) {
  const [editing, setEditing] = useState<Employer | 'new' | null>(null);
  const save = useApiMutation('settings/saveEmployer');
  const archive = useApiMutation('settings/setEmployerArchived');
  const [codesOf, setCodesOf] = useState<Employer | null>(null);
  const { can } = useSignedIn();

  const toggleArchived = async (employer: Employer) => {
    try {
      await archive.mutateAsync({ id: employer.id, archived: !employer.archived });
      notifySuccess(employer.archived ? `${employer.name} est de nouveau actif.` : `${employer.name} est archivé.`);
    } catch (error) {
      notifyFailure(error);
    }
  };

  return (
    <Stack maw={900}>
      {employers.map((employer) => {
        const { id: _id, archived, version: _v, ...input } = employer;
        return (
          <EmployerCard
            key={employer.id}
            employer={input}
            archived={archived}
            actions={[
              ...(can('payroll/setPayItemCodes')
                ? [{ label: 'Rubriques de paie', onClick: () => setCodesOf(employer) }]
                : []),
              { label: 'Modifier', onClick: () => setEditing(employer) },
              {
                label: archived ? 'Réactiver' : 'Archiver',
                color: archived ? undefined : 'gray',
                onClick: () => void toggleArchived(employer),
              },
            ]}
          />
        );
      })}
      <Button leftSection={<IconPlus size={18} />} variant="light" w="fit-content" onClick={() => setEditing('new')}>
        Ajouter un employeur
      </Button>
      {codesOf !== null && (
        <PayItemCodesModal employerId={codesOf.id} employerName={codesOf.name} onClose={() => setCodesOf(null)} />
      )}
      {editing !== null && (
        <EmployerFormModal
          title={editing === 'new' ? 'Nouvel employeur' : 'Modifier l’employeur'}
          initial={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          versioned={
            editing === 'new'
              ? undefined
              : {
                  version: editing.version,
                  load: async () => {
                    const current = (await call('settings/get')).employers.find((e) => e.id === editing.id);
                    if (!current) throw new Error('employer gone');
                    const { id: _id, archived: _a, version, ...employer } = current;
                    return { employer, version };
                  },
                }
          }
          onSubmit={async (employer, expectedVersion) => {
            await save.mutateAsync({ id: editing === 'new' ? undefined : editing.id, expectedVersion, employer });
            notifySuccess(`L’employeur ${employer.name} est enregistré.`);
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
