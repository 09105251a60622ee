import { Alert, Loader, Stack, Tabs, Title } from '@mantine/core';
import { errorMessage, useApiQuery } from '../../api/client';
import { EmployersSettings } from './EmployersSettings';
import { HoursSettings } from './HoursSettings';
import { StructureSettings } from './StructureSettings';
import { WageRatesSettings } from './WageRatesSettings';

export function SettingsPage() {
  const settings = useApiQuery('settings/get');
  return (
    <Stack>
      <Title order={1}>Paramètres</Title>
      {settings.isPending && <Loader />}
      {settings.error && <Alert color="red">{errorMessage(settings.error)}</Alert>}
      {settings.data && (
        <Tabs defaultValue="structure" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="structure">Structure</Tabs.Tab>
            <Tabs.Tab value="employers">Employeurs</Tabs.Tab>
            <Tabs.Tab value="hours">Horaires</Tabs.Tab>
            <Tabs.Tab value="wages">SMIC</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="structure" pt="lg">
            <StructureSettings settings={settings.data} />
          </Tabs.Panel>
          <Tabs.Panel value="employers" pt="lg">
            <EmployersSettings employers={settings.data.employers} />
          </Tabs.Panel>
          <Tabs.Panel value="hours" pt="lg">
            <HoursSettings hours={settings.data.hours} />
          </Tabs.Panel>
          <Tabs.Panel value="wages" pt="lg">
            <WageRatesSettings rates={settings.data.wageRates} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
