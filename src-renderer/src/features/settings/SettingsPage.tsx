import { EvaluationGridSettings } from './EvaluationGridSettings';
import { Alert, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { errorMessage, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { JournalPanel } from '../journal/JournalPanel';
import { UsersSettings } from '../users/UsersSettings';
import { SecuritySettings } from './SecuritySettings';
import { PeopleOptionsSettings } from './PeopleOptionsSettings';
import { CalendarSettings } from './CalendarSettings';
import { EmployersSettings } from './EmployersSettings';
import { FundersSettings } from './FundersSettings';
import { HoursSettings } from './HoursSettings';
import { StructureSettings } from './StructureSettings';
import { hasMetropolitanSmic } from '@shared/smic-floor';
import { WageRatesSettings } from './WageRatesSettings';
import { StorageSettings } from '../storage/StorageSettings';
import { LanServerSettings } from '../lan/LanServerSettings';
import { PosteSettings } from '../poste/PosteSettings';

export function SettingsPage() {
  const settings = useApiQuery('settings/get');
  const { can } = useSignedIn();
  // The open tab lives in the address, so a link elsewhere (« Paramètres › Comptes ») opens it.
  const [params, setParams] = useSearchParams();
  return (
    <Stack>
      <Title order={1}>Paramètres</Title>
      {settings.isPending && <Loader />}
      {settings.error && <Alert color="red">{errorMessage(settings.error)}</Alert>}
      {settings.data && (
        <Tabs
          value={params.get('onglet') ?? (can('settings/updateStructure') ? 'structure' : 'funders')}
          onChange={(tab) => setParams(tab ? { onglet: tab } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List>
            {can('settings/updateStructure') && <Tabs.Tab value="structure">Structure</Tabs.Tab>}
            {can('settings/saveEmployer') && <Tabs.Tab value="employers">Employeurs</Tabs.Tab>}
            {can('funders/list') && <Tabs.Tab value="funders">Financeurs</Tabs.Tab>}
            {can('settings/updateHours') && <Tabs.Tab value="hours">Horaires</Tabs.Tab>}
            {can('settings/addWageRate') && <Tabs.Tab value="wages">SMIC</Tabs.Tab>}
            {can('settings/addClosure') && <Tabs.Tab value="calendar">Calendrier</Tabs.Tab>}
            {can('settings/updatePeopleOptions') && <Tabs.Tab value="people">Fiches</Tabs.Tab>}
            {can('evaluations/saveCriterion') && <Tabs.Tab value="evaluations">Grille d’évaluation</Tabs.Tab>}
            {can('users/list') && <Tabs.Tab value="users">Comptes</Tabs.Tab>}
            {can('settings/updateSecurity') && <Tabs.Tab value="security">Sécurité</Tabs.Tab>}
            {can('journal/list') && <Tabs.Tab value="journal">Journal des accès</Tabs.Tab>}
            {can('storage/status') && <Tabs.Tab value="storage">Emplacement des données</Tabs.Tab>}
            {can('lan/status') && <Tabs.Tab value="lan">Poste serveur</Tabs.Tab>}
            {can('poste/pair') && <Tabs.Tab value="poste">Ce poste</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="structure" pt="lg">
            <StructureSettings settings={settings.data} />
          </Tabs.Panel>
          <Tabs.Panel value="employers" pt="lg">
            <EmployersSettings employers={settings.data.employers} />
          </Tabs.Panel>
          <Tabs.Panel value="funders" pt="lg">
            <FundersSettings />
          </Tabs.Panel>
          <Tabs.Panel value="hours" pt="lg">
            <HoursSettings hours={settings.data.hours} />
          </Tabs.Panel>
          <Tabs.Panel value="wages" pt="lg">
            <WageRatesSettings
              rates={settings.data.wageRates}
              legalFloor={hasMetropolitanSmic(settings.data.structure?.postcode)}
            />
          </Tabs.Panel>
          <Tabs.Panel value="calendar" pt="lg">
            <CalendarSettings calendar={settings.data.calendar} />
          </Tabs.Panel>
          <Tabs.Panel value="people" pt="lg">
            <PeopleOptionsSettings collectNationality={settings.data.people.collectNationality} />
          </Tabs.Panel>
          <Tabs.Panel value="evaluations" pt="lg">
            <EvaluationGridSettings />
          </Tabs.Panel>
          <Tabs.Panel value="users" pt="lg">
            <UsersSettings />
          </Tabs.Panel>
          <Tabs.Panel value="security" pt="lg">
            <SecuritySettings idleLockMinutes={settings.data.security.idleLockMinutes} />
          </Tabs.Panel>
          <Tabs.Panel value="journal" pt="lg">
            <JournalPanel />
          </Tabs.Panel>
          <Tabs.Panel value="storage" pt="lg">
            <StorageSettings />
          </Tabs.Panel>
          <Tabs.Panel value="lan" pt="lg">
            <LanServerSettings />
          </Tabs.Panel>
          <Tabs.Panel value="poste" pt="lg">
            <PosteSettings />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
