import { formatDuration } from '@shared/time';
import { Alert, Button, Checkbox, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { HALF_DAY_LABELS, WEEKDAY_LABELS } from '@shared/contract/worksites';
import { formatFrenchDate, weekdayOf } from '@shared/dates';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { WithHelp } from '../../ui/TermHelp';
import { countOf, plural } from '@shared/french';

const spoken = (date: string, halfDay: 'morning' | 'afternoon') =>
  `${WEEKDAY_LABELS[weekdayOf(date)] ?? 'Dimanche'} ${formatFrenchDate(date)} (${HALF_DAY_LABELS[halfDay].toLowerCase()})`;

/** Shows what generation creates and skips, and lets the coordinator accept the make-ups. */
export function GenerateModal({ worksiteId, onClose }: { worksiteId: number; onClose: () => void }) {
  const preview = useApiQuery('worksites/previewSchedule', { id: worksiteId });
  const generate = useApiMutation('worksites/generateSessions');
  const [refused, setRefused] = useState<Set<string>>(new Set());
  const [removeOutside, setRemoveOutside] = useState(false);

  const confirm = async () => {
    if (!preview.data) return;
    const makeUps = preview.data.makeUps.filter((m) => !refused.has(m.date + m.halfDay));
    try {
      await generate.mutateAsync({ id: worksiteId, makeUps, removeOutside });
      const removed = removeOutside ? `, ${countOf(preview.data.outside.length, 'retirée', 'retirées')}` : '';
      notifySuccess(
        `${countOf(preview.data.toCreate.length + makeUps.length, 'demi-journée ajoutée', 'demi-journées ajoutées')} au planning${removed}.`,
      );
      onClose();
    } catch (error) {
      notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Générer les demi-journées" size="lg">
      {preview.isPending && <Loader />}
      {preview.error && <Alert color="red">{errorMessage(preview.error)}</Alert>}
      {preview.data && (
        <Stack>
          <Text>
            {countOf(preview.data.toCreate.length, 'demi-journée', 'demi-journées')} à créer sur{' '}
            {plural(preview.data.plannedCount, 'la', 'les')} {preview.data.plannedCount}{' '}
            {plural(preview.data.plannedCount, 'prévue', 'prévues')} par le rythme du chantier.
          </Text>
          {preview.data.skipped.length > 0 && (
            <>
              <Text fw={600}>Jours non travaillés</Text>
              <List size="sm">
                {preview.data.skipped.map((s) => (
                  <List.Item key={s.date + s.halfDay}>
                    {formatFrenchDate(s.date)} : {s.label}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {preview.data.makeUps.length > 0 && (
            <>
              <Text fw={600}>Demi-journées de rattrapage proposées</Text>
              <Text size="sm" c="dimmed">
                Les heures perdues un jour férié ne se récupèrent pas (art. L3133-2 du Code du travail) : une
                demi-journée de rattrapage est du temps de travail ajouté, pendant le contrat. Elle modifie la
                répartition des heures prévue au contrat : prévenez chaque personne à l’avance (art. L3123-11). Au-delà
                des heures hebdomadaires du contrat, ce sont des{' '}
                <WithHelp term="heuresComplementaires">heures complémentaires</WithHelp>.
              </Text>
              {preview.data.makeUps.map((m) => (
                <Checkbox
                  key={m.date + m.halfDay}
                  label={spoken(m.date, m.halfDay)}
                  description={
                    m.complementary.length > 0
                      ? `Heures complémentaires : ${m.complementary.map((c) => `${c.name} (${formatDuration(c.minutes)})`).join(', ')}.`
                      : m.concerned.length > 0
                        ? 'Sans heures complémentaires : la semaine reste dans les heures du contrat.'
                        : 'Aucun participant sous contrat ce jour-là pour le moment.'
                  }
                  checked={!refused.has(m.date + m.halfDay)}
                  onChange={(e) => {
                    const next = new Set(refused);
                    if (e.currentTarget.checked) next.delete(m.date + m.halfDay);
                    else next.add(m.date + m.halfDay);
                    setRefused(next);
                  }}
                />
              ))}
            </>
          )}
          {preview.data.outside.length > 0 && (
            <Alert color="orange" title="Demi-journées hors du nouveau rythme">
              <Stack gap="xs">
                <Text size="sm">
                  Les dates ou le rythme du chantier ont changé : ces demi-journées à venir n’en font plus partie. Les
                  demi-journées passées restent toujours au planning.
                </Text>
                <List size="sm">
                  {preview.data.outside.map((s) => (
                    <List.Item key={s.id}>{spoken(s.date, s.halfDay)}</List.Item>
                  ))}
                </List>
                <Checkbox
                  label="Retirer ces demi-journées du planning"
                  checked={removeOutside}
                  onChange={(e) => setRemoveOutside(e.currentTarget.checked)}
                />
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button onClick={() => void confirm()} loading={generate.isPending}>
              Générer
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
