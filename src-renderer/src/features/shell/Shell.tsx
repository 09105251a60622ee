import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { NavLink as RouterLink, Route, Routes, useLocation } from 'react-router';
import { useApiQuery } from '../../api/client';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { SettingsPage } from '../settings/SettingsPage';
import { ComingSoon } from './ComingSoon';
import { DashboardPage } from './DashboardPage';
import { NAVIGATION } from './navigation';

export function Shell() {
  const location = useLocation();
  const status = useApiQuery('setup/status');
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3} c="teal.8">
            Passerelle
          </Title>
          <Text c="dimmed">{status.data?.structureName}</Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigation principale">
        {NAVIGATION.map((item) => (
          <NavLink
            key={item.path}
            component={RouterLink}
            to={item.path}
            label={item.label}
            leftSection={<item.icon size={20} stroke={1.6} />}
            active={item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <ErrorBoundary key={location.pathname}>
          <Routes>
            <Route path="/" element={<DashboardPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            {NAVIGATION.filter((item) => item.upcoming).map((item) => (
              <Route key={item.path} path={item.path} element={<ComingSoon item={item} />} />
            ))}
            <Route path="*" element={<DashboardPage />} />
          </Routes>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
