import { EmptyState, Stack, Title } from '@mantine/core';
import type { NavItem } from './navigation';

export function ComingSoon({ item }: { item: NavItem }) {
  return (
    <Stack>
      <Title order={1}>{item.label}</Title>
      <EmptyState
        icon={<item.icon size={32} />}
        title="À venir"
        description={`${item.upcoming} Cet écran arrive dans une prochaine version de Passerelle.`}
      />
    </Stack>
  );
}
