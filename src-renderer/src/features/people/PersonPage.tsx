import { PersonExportModal } from '../rgpd/PersonExportModal';
import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Situation } from '@shared/contract/people';
import {
  CIVILITY_LABELS,
  EDUCATION_LEVEL_LABELS,
  NATIONALITY_GROUP_LABELS,
  RESOURCE_LABELS,
  SEX_LABELS,
  YES_NO_UNKNOWN_LABELS,
} from '@shared/contract/people-lists';
import { agreeLabel, type Civility } from '@shared/agreement';
import { formatFrenchDate } from '@shared/dates';
import { call, errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useConfirm } from '../../ui/confirm';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useSignedIn } from '../auth/SessionContext';
import { AgendaCard } from './AgendaCard';
import { DocumentsCard } from '../documents/DocumentsCard';
import { HoursCard } from '../attendance/HoursCard';
import { MatriculesCard } from '../payroll/MatriculesCard';
import { JourneyCard } from './JourneyCard';
import { ObstaclesCard } from './ObstaclesCard';
import { ImmersionsCard } from '../pmsmp/ImmersionsCard';
import { IaeCard } from '../iae/IaeCard';
import { FseCard } from '../fse/FseCard';
import { PersonEditModal } from './PersonEditModal';
import { SituationModal } from './SituationModal';
import type { GlossaryKey } from '@shared/glossary';
import { WithHelp } from '../../ui/TermHelp';
import { deName, formatPhone } from '@shared/french';

const UNEMPLOYMENT_LABELS = {
  non: 'moins de 12 mois',
  longue: 'longue durée (12 mois et plus)',
  tres_longue: 'très longue durée (24 mois et plus)',
};

function Line({ label, value, help }: { label: string; value: string | null | undefined; help?: GlossaryKey }) {
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {help ? <WithHelp term={help}>{label}</WithHelp> : label} :{' '}
      </Text>
      {value || '—'}
    </Text>
  );
}

function SituationItem({ s, civility }: { s: Situation; civility: Civility }) {
  const mobility = [s.drivingLicence && 'permis', s.vehicle && 'véhicule', s.publicTransport && 'transports en commun']
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap={2}>
      <Line
        label="Ressources"
        value={`${RESOURCE_LABELS[s.resources]}${s.rsaMonths !== null ? ` (${s.rsaMonths} mois de RSA)` : ''}`}
      />
      <Line
        label="France Travail"
        value={
          s.franceTravailSince
            ? agreeLabel(
                civility,
                `inscrit·e depuis le ${formatFrenchDate(s.franceTravailSince)}, ${UNEMPLOYMENT_LABELS[s.longTermUnemployed ?? 'non']}`,
              )
            : agreeLabel(civility, 'non inscrit·e')
        }
      />
      <Line label="Niveau de formation" value={EDUCATION_LEVEL_LABELS[s.educationLevel]} />
      <Line label="RQTH" help="rqth" value={YES_NO_UNKNOWN_LABELS[s.rqth]} />
      <Line label="Logement" value={s.housing} />
      <Line label="Mobilité" value={mobility || 'aucune'} />
    </Stack>
  );
}

export function PersonPage() {
  const id = Number(useParams().id);
  const { can } = useSignedIn();
  const record = useApiQuery('people/get', { id });
  const archive = useApiMutation('people/setArchived');
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [addingSituation, setAddingSituation] = useState(false);
  const [nir, setNir] = useState<string | null>(null);
  const confirm = useConfirm();

  if (record.isPending) return <Loader />;
  if (record.error) return <Alert color="red">{errorMessage(record.error)}</Alert>;
  const p = record.data;

  const toggleArchive = async () => {
    try {
      await archive.mutateAsync({ id, archived: !p.archived });
      notifySuccess(
        p.archived
          ? 'La fiche est de nouveau active.'
          : 'La fiche est archivée : elle n’apparaît plus dans la liste, son historique est gardé.',
      );
    } catch (error) {
      notifyFailure(error);
    }
  };

  const onArchiveClick = async () => {
    if (!p.archived) {
      const name = `${p.firstNames} ${p.lastName}`;
      const working = p.journeys.some((j) => j.status === 'en_chantier');
      const confirmed = await confirm.ask({
        title: 'Archiver la fiche ?',
        message: working
          ? `${name} est en chantier, sous contrat : sa fiche sera retirée de la liste des personnes, son historique gardé, et vous pourrez la réactiver.`
          : `La fiche ${deName(name)} sera retirée de la liste des personnes ; son historique est gardé et vous pourrez la réactiver.`,
        confirmLabel: 'Archiver',
        danger: working,
      });
      if (!confirmed) return;
    }
    await toggleArchive();
  };

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <div>
          <Text size="sm">
            <Link to="/people">Personnes</Link>
          </Text>
          <Title order={1}>
            {p.civility ? `${CIVILITY_LABELS[p.civility]} ` : ''}
            {p.firstNames} {p.lastName.toUpperCase()}
            {p.archived && (
              <Badge color="gray" ml="sm" size="lg">
                Archivée
              </Badge>
            )}
          </Title>
        </div>
        <Group>
          {can('people/update') && (
            <Button variant="light" onClick={() => setEditing(true)}>
              Modifier
            </Button>
          )}
          {can('rgpd/exportPerson') && (
            <Button variant="subtle" onClick={() => setExporting(true)}>
              Ses données (RGPD)
            </Button>
          )}
          {can('people/setArchived') && (
            <Button variant="subtle" color="gray" onClick={() => void onArchiveClick()}>
              {p.archived ? 'Réactiver la fiche' : 'Archiver'}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} mb="xs">
            Identité
          </Title>
          <Line label="Nom de naissance" value={p.birthName} />
          <Line label={agreeLabel(p.civility, 'Né·e le')} value={formatFrenchDate(p.birthDate)} />
          <Line label="Sexe" value={SEX_LABELS[p.sex]} />
          <Line label="Adresse" value={[p.address, `${p.postcode} ${p.town}`.trim()].filter(Boolean).join(', ')} />
          <Line label="Résidant en QPV" help="qpv" value={YES_NO_UNKNOWN_LABELS[p.priorityArea]} />
          <Line label="Téléphone" value={p.phone ? formatPhone(p.phone) : null} />
          <Line label="E-mail" value={p.email} />
          <Line label="Personne à prévenir" value={p.emergencyContact} />
          {p.collectNationality && (
            <Line
              label="Nationalité"
              value={p.nationalityGroup ? NATIONALITY_GROUP_LABELS[p.nationalityGroup] : null}
            />
          )}
          <Group gap="xs">
            <Line label="N° de sécurité sociale" value={nir ?? p.nirMasked} />
            {p.nirMasked && can('people/revealNir') && nir === null && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() =>
                  void call('people/revealNir', { id })
                    .then((r) => setNir(r.nir))
                    .catch(notifyFailure)
                }
              >
                Afficher
              </Button>
            )}
          </Group>
        </Card>
        <Card withBorder>
          <Title order={3} mb="xs">
            Orientation
          </Title>
          <Line label="Prescripteur" value={p.prescriberName} />
          <Line label="Référent social" value={p.referentName} />
        </Card>
      </SimpleGrid>
      <JourneyCard personId={id} journeys={p.journeys} civility={p.civility} />
      {can('worksites/personAgenda') && <AgendaCard personId={id} />}
      {p.obstacles !== null && <ObstaclesCard personId={id} obstacles={p.obstacles} />}
      {can('pmsmp/list') && <ImmersionsCard personId={id} birthDate={p.birthDate} />}
      {can('iae/get') && <IaeCard personId={id} />}
      {can('fse/person') && <FseCard personId={id} />}
      {can('attendance/hours') && <HoursCard personId={id} />}
      {can('payroll/setMatricule') && <MatriculesCard personId={id} />}
      {can('documents/list') && <DocumentsCard personId={id} />}
      {p.situations !== null && (
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={3}>Situation</Title>
            {can('people/addSituation') && (
              <Button size="xs" variant="light" onClick={() => setAddingSituation(true)}>
                Nouvelle situation
              </Button>
            )}
          </Group>
          <Timeline active={0} bulletSize={16} lineWidth={2}>
            {p.situations.map((s) => (
              <Timeline.Item key={s.id} title={`Au ${formatFrenchDate(s.observedOn)}`}>
                <SituationItem s={s} civility={p.civility} />
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      )}
      {editing && <PersonEditModal record={p} onClose={() => setEditing(false)} />}
      {exporting && <PersonExportModal personId={id} onClose={() => setExporting(false)} />}
      {confirm.modal}
      {addingSituation && (
        <SituationModal
          personId={id}
          previous={p.situations?.[0] ? (({ id: _i, longTermUnemployed: _l, ...rest }) => rest)(p.situations[0]) : null}
          onClose={() => setAddingSituation(false)}
        />
      )}
    </Stack>
  );
}
