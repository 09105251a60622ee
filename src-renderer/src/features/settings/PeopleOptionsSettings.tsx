import { Stack, Switch, Text } from '@mantine/core';
import { useApiMutation } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';

/** What the person records collect beyond the essentials (data minimisation: off unless a funder asks). */
export function PeopleOptionsSettings({ collectNationality }: { collectNationality: boolean }) {
  const update = useApiMutation('settings/updatePeopleOptions');
  return (
    <Stack maw={640}>
      <Text>
        Ne recueillez que ce dont vous avez besoin. La nationalité n’est demandée que si un financeur l’exige pour ses
        chiffres.
      </Text>
      <Switch
        label="Recueillir la nationalité (France, Union européenne, hors Union européenne)"
        checked={collectNationality}
        disabled={update.isPending}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          update
            .mutateAsync({ collectNationality: checked })
            .then(() =>
              notifySuccess(
                checked ? 'La nationalité sera demandée sur les fiches.' : 'La nationalité n’est plus demandée.',
              ),
            )
            .catch(notifyFailure);
        }}
      />
    </Stack>
  );
}
