import { Stack, Text } from '@mantine/core';
import type { WageRate } from '@shared/contract/settings';
import { useApiMutation } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { WageRatesTable } from './WageRatesTable';

export function WageRatesSettings({ rates }: { rates: WageRate[] }) {
  const add = useApiMutation('settings/addWageRate');
  const remove = useApiMutation('settings/removeWageRate');
  return (
    <Stack>
      <Text maw={700}>
        À chaque revalorisation du SMIC (en général au 1er janvier), ajoutez le nouveau taux horaire brut avec sa date
        d'effet. Un salaire inférieur au SMIC en vigueur à sa date sera refusé.
      </Text>
      <WageRatesTable
        rates={rates.map((rate) => ({ ...rate, key: rate.id }))}
        onAdd={async (rate) => {
          await add.mutateAsync(rate);
          notifySuccess('Le nouveau taux est enregistré.');
        }}
        onRemove={async (key) => {
          await remove.mutateAsync({ id: Number(key) });
          notifySuccess('Le taux est supprimé.');
        }}
      />
    </Stack>
  );
}
