import { Anchor, Badge, Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSignedIn } from '../auth/SessionContext';
import { formatFrenchDate, frenchMonth } from '@shared/dates';
import { useApiQuery } from '../../api/client';
import { countOf, plural } from '@shared/french';

function TodoCard({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3}>{title}</Title>
        <Badge color={count > 0 ? 'orange' : 'teal'} variant="light">
          {count}
        </Badge>
      </Group>
      {children}
    </Card>
  );
}

const MAX = 6;

/** What needs doing: each item links to where it is done. */
export function TodoCards() {
  const summary = useApiQuery('dashboard/summary');
  const { can } = useSignedIn();
  if (!summary.data) return null;
  const s = summary.data;
  return (
    <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
      <TodoCard title="Chantiers" count={s.inProgress.length + s.upcoming.length}>
        <List size="sm">
          {s.inProgress.map((w) => (
            <List.Item key={w.id}>
              <Anchor component={Link} to={`/worksites/${w.id}`}>
                {w.name}
              </Anchor>{' '}
              — en cours jusqu’au {formatFrenchDate(w.endDate)}
            </List.Item>
          ))}
          {s.upcoming.map((w) => (
            <List.Item key={w.id}>
              <Anchor component={Link} to={`/worksites/${w.id}`}>
                {w.name}
              </Anchor>{' '}
              — commence le {formatFrenchDate(w.startDate)}
            </List.Item>
          ))}
        </List>
        {s.inProgress.length + s.upcoming.length === 0 && (
          <Text size="sm">
            Aucun chantier en cours ni dans les 30 jours.{' '}
            {can('worksites/save') ? (
              <Anchor component={Link} to="/worksites">
                Créer un chantier
              </Anchor>
            ) : (
              'Un chantier apparaît ici dès que la coordination vous en confie un.'
            )}
          </Text>
        )}
      </TodoCard>
      <TodoCard title="Demi-journées de la semaine" count={s.sessions.length}>
        <List size="sm">
          {s.sessions.slice(0, MAX).map((x) => (
            <List.Item key={`${x.worksiteId}-${x.date}-${x.start}`}>
              {formatFrenchDate(x.date)} {x.start}–{x.end} :{' '}
              <Anchor component={Link} to={`/worksites/${x.worksiteId}`}>
                {x.worksiteName}
              </Anchor>
            </List.Item>
          ))}
        </List>
        {s.sessions.length > MAX && (
          <Text size="sm">
            … et {plural(s.sessions.length - MAX, 'une autre', `${s.sessions.length - MAX} autres`)} : voir le Planning.
          </Text>
        )}
        {s.sessions.length === 0 && <Text size="sm">Aucune demi-journée d’ici dimanche.</Text>}
      </TodoCard>
      {s.unrecorded && (
        <TodoCard title="Émargement à saisir" count={s.unrecorded.length}>
          <List size="sm">
            {s.unrecorded.slice(0, MAX).map((u) => (
              <List.Item key={`${u.worksiteId}-${u.date}`}>
                <Anchor component={Link} to={`/worksites/${u.worksiteId}/attendance?semaine=${u.weekOf}`}>
                  {u.worksiteName}, {formatFrenchDate(u.date)}
                </Anchor>{' '}
                — {countOf(u.missing, 'personne', 'personnes')}
              </List.Item>
            ))}
          </List>
          {s.unrecorded.length === 0 && <Text size="sm">Tout est saisi.</Text>}
        </TodoCard>
      )}
      {s.contractsToPrint && (
        <TodoCard title="Contrats à imprimer" count={s.contractsToPrint.length}>
          <List size="sm">
            {s.contractsToPrint.slice(0, MAX).map((c) => (
              <List.Item key={`${c.worksiteId}-${c.name}`}>
                <Anchor component={Link} to={`/worksites/${c.worksiteId}`}>
                  {c.name}
                </Anchor>{' '}
                — entre le {formatFrenchDate(c.startDate)} ({c.worksiteName})
              </List.Item>
            ))}
          </List>
          {s.contractsToPrint.length === 0 && (
            <Text size="sm">Aucun contrat à préparer pour les 14 prochains jours.</Text>
          )}
        </TodoCard>
      )}
      {s.payrollToSend && (
        <TodoCard title="Heures à transmettre" count={s.payrollToSend.length}>
          <List size="sm">
            {s.payrollToSend.map((p) => (
              <List.Item key={`${p.month}-${p.employerName}`}>
                <Anchor component={Link} to="/payroll">
                  {frenchMonth(p.month)}
                </Anchor>{' '}
                — {p.employerName}
              </List.Item>
            ))}
          </List>
          {s.payrollToSend.length === 0 && <Text size="sm">Tout est transmis.</Text>}
        </TodoCard>
      )}
      {s.reviewsDue !== null && s.reviewsDue > 0 && (
        <TodoCard title="Dossiers à revoir (RGPD)" count={s.reviewsDue}>
          <Text size="sm">
            {countOf(s.reviewsDue, 'dossier', 'dossiers')} sans activité depuis 2 ans.{' '}
            <Anchor component={Link} to="/rgpd">
              Les revoir
            </Anchor>
          </Text>
        </TodoCard>
      )}
      {s.requestsOpen !== null && s.requestsOpen.open > 0 && (
        <TodoCard title="Demandes sur les données" count={s.requestsOpen.open}>
          <Text size="sm">
            {countOf(s.requestsOpen.open, 'demande', 'demandes')} en attente de réponse
            {s.requestsOpen.late > 0 ? `, dont ${s.requestsOpen.late} en retard` : ''}.{' '}
            <Anchor component={Link} to="/rgpd">
              Voir les demandes
            </Anchor>
          </Text>
        </TodoCard>
      )}
      {s.passIaeEnding !== null && s.passIaeEnding.length > 0 && (
        <TodoCard title="PASS IAE à prolonger" count={s.passIaeEnding.length}>
          <List size="sm">
            {s.passIaeEnding.slice(0, MAX).map((p) => (
              <List.Item key={p.personId}>
                <Anchor component={Link} to={`/people/${p.personId}`}>
                  PASS IAE de {p.name} expire le {formatFrenchDate(p.endDate)}
                </Anchor>
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed" mt="xs">
            Une prolongation se demande au prescripteur avant la fin : il lui faut le bilan du parcours.
          </Text>
        </TodoCard>
      )}
      {s.waiting !== null && (
        <TodoCard title="En attente d’un chantier" count={s.waiting}>
          <Text size="sm">
            {countOf(s.waiting, 'personne admise', 'personnes admises')} ou sur liste d’attente sans chantier.{' '}
            <Anchor component={Link} to="/people">
              Voir les personnes
            </Anchor>
          </Text>
        </TodoCard>
      )}
    </SimpleGrid>
  );
}
