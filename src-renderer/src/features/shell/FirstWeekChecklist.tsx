import { Anchor, Button, Card, Group, List, Progress, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FirstWeekChecklist as Steps } from '@shared/contract/dashboard';
import { useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';

const STEPS: { key: keyof Steps; label: string; to: string }[] = [
  { key: 'structure', label: 'Compléter la structure et ajouter son logo', to: '/settings?onglet=structure' },
  { key: 'employers', label: 'Enregistrer les employeurs des participants', to: '/settings?onglet=employers' },
  { key: 'wageRate', label: 'Vérifier le SMIC horaire en vigueur', to: '/settings?onglet=wages' },
  {
    key: 'accounts',
    label: 'Créer les comptes de la coordination, des encadrants et des travailleurs sociaux',
    to: '/settings?onglet=users',
  },
  {
    key: 'socialWorkersLinked',
    label: 'Relier le compte de chaque travailleur social à sa fiche du répertoire',
    to: '/settings?onglet=users',
  },
  { key: 'firstWorksite', label: 'Créer le premier chantier', to: '/worksites' },
  { key: 'firstBackup', label: 'Faire la première sauvegarde sur clé USB', to: '/backup' },
];

/** Hiding is a choice of this account on this PC: nothing in the database, nothing to migrate. */
const dismissedKey = (userId: number) => `passerelle.premiere-semaine.masquee.${userId}`;

/** The administrator's first steps after setup, each a link, ticked from the data. */
export function FirstWeekChecklist() {
  const { user } = useSignedIn();
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissedKey(user.id)) === 'oui');
  const steps = useApiQuery('dashboard/checklist', undefined, { enabled: !dismissed });
  if (dismissed) {
    // Hidden, never lost: one click brings it back on this PC.
    return (
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        onClick={() => {
          localStorage.removeItem(dismissedKey(user.id));
          setDismissed(false);
        }}
      >
        Réafficher la liste de la première semaine
      </Button>
    );
  }
  if (!steps.data) return null;
  const done = STEPS.filter((s) => steps.data[s.key]).length;
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={700} size="lg" component="h2">
          Votre première semaine avec Passerelle
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => {
            localStorage.setItem(dismissedKey(user.id), 'oui');
            setDismissed(true);
          }}
        >
          Masquer cette liste
        </Button>
      </Group>
      <Text size="sm" mt={4}>
        {done} étape{done > 1 ? 's' : ''} faite{done > 1 ? 's' : ''} sur {STEPS.length}. Chaque étape se coche
        d’elle-même une fois faite.
      </Text>
      <Progress value={(done / STEPS.length) * 100} mt="xs" aria-label={`${done} étapes faites sur ${STEPS.length}`} />
      <List mt="sm" spacing="xs" aria-label="Étapes de la première semaine">
        {STEPS.map((step) => (
          <List.Item
            key={step.key}
            icon={
              <ThemeIcon
                color={steps.data[step.key] ? 'teal' : 'gray'}
                variant="light"
                radius="xl"
                size={22}
                aria-hidden
              >
                {steps.data[step.key] ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
              </ThemeIcon>
            }
          >
            <Anchor component={Link} to={step.to}>
              {step.label}
            </Anchor>{' '}
            <Text span size="sm" c="dimmed">
              {steps.data[step.key] ? '(fait)' : '(à faire)'}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
