import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { EMPLOYER_KIND_LABELS, type EmployerInput } from '@shared/contract/settings';
import { COLLECTIVE_AGREEMENTS, type CollectiveAgreementCode } from '@shared/collective-agreements';

/** An employer as entered or as stored (one recorded before the list may have no agreement chosen yet). */
export type EmployerDetails = Omit<EmployerInput, 'collectiveAgreement'> & {
  collectiveAgreement: CollectiveAgreementCode | null;
};

export function EmployerCard(props: {
  employer: EmployerDetails;
  archived?: boolean;
  actions: { label: string; onClick: () => void; color?: string }[];
}) {
  const e = props.employer;
  return (
    <Card withBorder padding="md" aria-label={`Employeur ${e.name}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700}>{e.name}</Text>
            <Badge variant="light">{EMPLOYER_KIND_LABELS[e.kind]}</Badge>
            {props.archived && <Badge color="gray">Archivé</Badge>}
          </Group>
          <Text size="sm">
            {e.address}, {e.postcode} {e.town} · SIRET {e.siret}
          </Text>
          <Text size="sm" c="dimmed">
            {e.collectiveAgreement
              ? COLLECTIVE_AGREEMENTS[e.collectiveAgreement].label
              : 'Convention collective à choisir'}{' '}
            · Paie : {e.payrollEmail}
          </Text>
        </Stack>
        <Group gap="xs">
          {props.actions.map((action) => (
            <Button key={action.label} variant="subtle" color={action.color} size="sm" onClick={action.onClick}>
              {action.label}
            </Button>
          ))}
        </Group>
      </Group>
    </Card>
  );
}
