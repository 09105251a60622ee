import { Accordion, Card, List, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS, ROLES, type Role } from '@shared/contract/users';
import { GLOSSARY } from '@shared/glossary';
import { useSignedIn } from '../auth/SessionContext';
import { GUIDES } from './guides';

function GuideSteps({ role }: { role: Role }) {
  const guide = GUIDES[role];
  return (
    <Stack gap="xs">
      <Text size="sm">{guide.intro}</Text>
      <List type="ordered" spacing="xs" size="sm">
        {guide.steps.map((step) => (
          <List.Item key={step}>{step}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Aide: the signed-in role's first week first, the other roles' below, then the words of the trade. */
export function HelpPage() {
  const { user } = useSignedIn();
  const others = ROLES.filter((role) => role !== user.role);
  return (
    <Stack maw={900}>
      <Title order={1}>Aide</Title>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {GUIDES[user.role].title}
        </Title>
        <GuideSteps role={user.role} />
      </Card>
      <Title order={2} size="h3">
        Les autres rôles
      </Title>
      <Accordion variant="separated">
        {others.map((role) => (
          <Accordion.Item key={role} value={role}>
            <Accordion.Control>
              {ROLE_LABELS[role]} — {GUIDES[role].title.toLocaleLowerCase('fr-FR')}
            </Accordion.Control>
            <Accordion.Panel>
              <GuideSteps role={role} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          Les mots du métier
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Le même texte s’ouvre avec le « i » placé à côté de ces mots dans les écrans.
        </Text>
        <Stack gap="sm" component="dl" m={0}>
          {Object.values(GLOSSARY).map((entry) => (
            <div key={entry.term}>
              <Text component="dt" fw={600} size="sm">
                {entry.term} — {entry.short}
              </Text>
              <Text component="dd" size="sm" ml={0}>
                {entry.definition}
                {'source' in entry && ` (${entry.source})`}
              </Text>
            </div>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
