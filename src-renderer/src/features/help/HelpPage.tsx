import { Accordion, Card, List, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS, ROLES, type Role } from '@shared/contract/users';
import { fixTypography, inSentence } from '@shared/french';
import { GLOSSARY } from '@shared/glossary';
import { useSignedIn } from '../auth/SessionContext';
import { GUIDES } from './guides';

function GuideSteps({ role }: { role: Role }) {
  const guide = GUIDES[role];
  return (
    <Stack gap="xs">
      <Text size="sm">{fixTypography(guide.intro)}</Text>
      <List type="ordered" spacing="xs" size="sm">
        {guide.steps.map((step) => (
          <List.Item key={step}>{fixTypography(step)}</List.Item>
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
              {ROLE_LABELS[role]} — {inSentence(GUIDES[role].title)}
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
                {entry.term.charAt(0).toLocaleUpperCase('fr-FR') + entry.term.slice(1)} — {entry.short}
              </Text>
              <Text component="dd" size="sm" ml={0}>
                {fixTypography(entry.definition)}
                {'source' in entry && ` (${fixTypography(entry.source)})`}
              </Text>
            </div>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
