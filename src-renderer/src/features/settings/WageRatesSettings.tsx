import { Stack, Text } from '@mantine/core';
import type { WageRate } from '@shared/contract/settings';
import { useApiMutation } from '../../api/client';
import { formatFrenchDate } from '@shared/dates';
import { formatEuros } from '@shared/money';
import { useConfirm } from '../../ui/confirm';
import { notifySuccess } from '../../ui/notify';
import { WageRatesTable } from './WageRatesTable';

export function WageRatesSettings({ rates, legalFloor }: { rates: WageRate[]; legalFloor: boolean }) {
  const add = useApiMutation('settings/addWageRate');
  const remove = useApiMutation('settings/removeWageRate');
  const confirm = useConfirm();
  return (
    <Stack>
      <Text maw={700}>
        À chaque revalorisation du SMIC (en général au 1er janvier), ajoutez le nouveau taux horaire brut avec sa date
        d’effet. Un salaire inférieur au SMIC en vigueur à sa date sera refusé.
      </Text>
      <WageRatesTable
        rates={rates.map((rate) => ({ ...rate, key: rate.id }))}
        legalFloor={legalFloor}
        onAdd={async (rate) => {
          await add.mutateAsync(rate);
          notifySuccess('Le nouveau taux est enregistré.');
        }}
        onRemove={async (key) => {
          const rate = rates.find((r) => r.id === Number(key));
          const confirmed = await confirm.ask({
            title: 'Supprimer ce taux ?',
            message: rate
              ? `Le SMIC de ${formatEuros(rate.hourlyCents)} à partir du ${formatFrenchDate(rate.effectiveFrom)} sera supprimé : les heures de cette période seront contrôlées avec le taux précédent.`
              : 'Ce taux sera supprimé.',
            confirmLabel: 'Supprimer le taux',
            danger: true,
          });
          if (!confirmed) return;
          await remove.mutateAsync({ id: Number(key) });
          notifySuccess('Le taux est supprimé.');
        }}
      />
      {confirm.modal}
    </Stack>
  );
}
