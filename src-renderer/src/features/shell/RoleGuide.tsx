import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSignedIn } from '../auth/SessionContext';
import { menuFor } from '../../app/routes';

/** What this role can do, screen by screen, for the roles whose dashboard has little else to show. */
export function RoleGuide() {
  const { can } = useSignedIn();
  const screens = menuFor(can).filter((item) => item.id !== 'dashboard');
  return (
    <Card withBorder>
      <Text fw={700} size="lg" component="h2">
        Ce que vous pouvez faire
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="xs">
        {screens.map((item) => (
          <div key={item.path}>
            <Anchor component={Link} to={item.path} fw={600}>
              {item.title}
            </Anchor>
            <Text size="sm">{item.help}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
