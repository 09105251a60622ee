import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError, useApiMutation } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';

/**
 * An administrator withdraws a transmission made by mistake, with a reason
 * (kept with the hand-off, journaled), while no later month was transmitted.
 */
export function WithdrawTransmission(props: { month: string; monthLabel: string; employerId: number }) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const withdraw = useApiMutation('payroll/withdraw');

  const submit = async () => {
    try {
      await withdraw.mutateAsync({ month: props.month, employerId: props.employerId, reason });
      notifySuccess(`La transmission de ${props.monthLabel} est retirée : le mois est de nouveau modifiable.`);
      setOpened(false);
      setReason('');
      setError(null);
    } catch (failure) {
      if (failure instanceof ApiError && failure.payload.field === 'reason') setError(failure.message);
      else notifyFailure(failure, 'La transmission n’est pas retirée');
    }
  };

  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpened(true)}>
        Retirer la transmission
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Retirer la transmission de ${props.monthLabel} ?`}
        size="lg"
        centered
      >
        <Stack>
          <Text size="sm">
            À faire seulement si le mois a été marqué transmis par erreur. Le mois redevient {'«\u00a0validé\u00a0»'} et
            modifiable ; les régularisations enregistrées depuis sur ses journées sont reprises dans ses propres
            chiffres, à revalider avant de le transmettre de nouveau. Le retrait et son motif sont conservés et inscrits
            au journal.
          </Text>
          <Textarea
            label="Motif du retrait"
            required
            autosize
            minRows={2}
            maxLength={300}
            value={reason}
            error={error}
            onChange={(e) => (setReason(e.currentTarget.value), setError(null))}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Annuler
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => void submit()}>
              Retirer la transmission
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
