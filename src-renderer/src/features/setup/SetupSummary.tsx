import { List, Stack, Text, Title } from '@mantine/core';
import { formatFrenchDate } from '@shared/dates';
import { formatEuros } from '@shared/money';
import type { WizardValues } from './SetupWizard';

export function SetupSummary({ values }: { values: WizardValues }) {
  const s = values.structure;
  return (
    <Stack mt="md" gap="sm">
      <Title order={2} size="h3">
        Vérifiez avant de terminer
      </Title>
      <Text>
        <b>{s.name}</b> — {s.address}, {s.postcode} {s.town} · SIRET {s.siret}
      </Text>
      <Text>
        Signataire : {s.signatoryName}, {s.signatoryTitle}
        {values.logo ? ' · logo ajouté' : ' · sans logo'}
      </Text>
      <Text fw={600}>Employeurs</Text>
      <List>
        {values.employers.map((e, i) => (
          <List.Item key={i}>{e.name}</List.Item>
        ))}
      </List>
      <Text>
        Demi-journées : {values.hours.morningStart}–{values.hours.morningEnd} et {values.hours.afternoonStart}–
        {values.hours.afternoonEnd}
      </Text>
      <Text>Compte administrateur : {values.administrator.displayName}</Text>
      <Text fw={600}>SMIC horaire brut</Text>
      <List>
        {[...values.wageRates]
          .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
          .map((r) => (
            <List.Item key={r.key}>
              {formatEuros(r.hourlyCents)} à partir du {formatFrenchDate(r.effectiveFrom)}
            </List.Item>
          ))}
      </List>
    </Stack>
  );
}
