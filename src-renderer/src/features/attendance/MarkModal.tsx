import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useState } from 'react';
import type { MarkInput } from '@shared/contract/attendance';
import {
  JUSTIFIED,
  MARK_KEYS,
  MARK_LABELS,
  MARKS,
  PAID_BY_DEFAULT,
  type Mark,
} from '@shared/contract/attendance-codes';
import { DateField } from '../../ui/DateField';
import { AsyncForm } from '../../ui/AsyncForm';

/** The detail of one cell: a late arrival's real times, an absence's pay and proof. */
export function MarkModal({
  title,
  session,
  initial,
  onApply,
  onClose,
}: {
  title: string;
  session: { start: string; end: string };
  initial: MarkInput;
  onApply: (mark: MarkInput) => void;
  onClose: () => void;
}) {
  const [value, setValue] = useState<MarkInput>(initial);
  const [error, setError] = useState<string | null>(null);
  const mark = value.mark as Mark;
  const setMark = (next: Mark) =>
    setValue({
      mark: next,
      actualStart: next === 'retard' ? (value.actualStart ?? session.start) : null,
      actualEnd: next === 'retard' ? (value.actualEnd ?? session.end) : null,
      paid: PAID_BY_DEFAULT[next],
      proofReceived: false,
      proofDate: null,
    });
  const apply = () => {
    if (mark === 'retard' && value.actualStart && value.actualEnd && value.actualEnd <= value.actualStart) {
      return setError('L’heure de départ doit venir après l’heure d’arrivée.');
    }
    onApply(value);
  };
  return (
    <Modal opened onClose={onClose} title={title}>
      <AsyncForm onSubmit={apply}>
        <Stack>
          <Select
            label="Présence ou absence"
            data={MARKS.map((m) => ({ value: m, label: `${MARK_LABELS[m]} (${MARK_KEYS[m]})` }))}
            value={mark}
            allowDeselect={false}
            onChange={(next) => next && setMark(next as Mark)}
            data-autofocus
          />
          {mark === 'retard' && (
            <SimpleGrid cols={2}>
              <TimeInput
                label="Arrivée réelle"
                value={value.actualStart ?? ''}
                onChange={(e) => setValue({ ...value, actualStart: e.currentTarget.value || null })}
              />
              <TimeInput
                label="Départ réel"
                value={value.actualEnd ?? ''}
                error={error}
                onChange={(e) => {
                  setValue({ ...value, actualEnd: e.currentTarget.value || null });
                  setError(null);
                }}
              />
            </SimpleGrid>
          )}
          {mark !== 'present' && mark !== 'retard' && (
            <Switch
              label="Heures payées"
              checked={value.paid ?? PAID_BY_DEFAULT[mark]}
              onChange={(e) => setValue({ ...value, paid: e.currentTarget.checked })}
            />
          )}
          {JUSTIFIED.includes(mark) && (
            <Group align="flex-end">
              <Checkbox
                label={mark === 'maladie' ? 'Arrêt de travail reçu' : 'Justificatif reçu'}
                checked={value.proofReceived ?? false}
                onChange={(e) => setValue({ ...value, proofReceived: e.currentTarget.checked })}
              />
              {value.proofReceived && (
                <DateField
                  label="Reçu le"
                  value={value.proofDate ?? null}
                  onChange={(d) => setValue({ ...value, proofDate: d })}
                  clearable
                />
              )}
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit">Valider</Button>
          </Group>
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
