import {
  AppShell,
  Avatar,
  Divider,
  Group,
  Loader,
  Menu,
  NavLink,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronDown, IconInfoCircle, IconKey, IconLock, IconUserShare } from '@tabler/icons-react';
import { Suspense, useEffect, useState } from 'react';
import { NavLink as RouterLink, Route, Routes, useLocation } from 'react-router';
import { ROLE_LABELS } from '@shared/contract/users';
import { call, useApiQuery } from '../../api/client';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { SkipLink } from '../../ui/SkipLink';
import { AboutModal } from '../about/AboutModal';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { useSession, useSignedIn } from '../auth/SessionContext';
import { MENU_GROUPS, ROUTES, menuFor, routesFor } from '../../app/routes';
import { SearchLauncher } from '../search/SearchLauncher';

function UserMenu() {
  const { user } = useSignedIn();
  const { lock, switchUser } = useSession();
  const [changing, setChanging] = useState(false);
  const [about, setAbout] = useState(false);
  return (
    <>
      <Menu position="bottom-end" width={260}>
        <Menu.Target>
          {/* Its name is its visible text (RGAA 11.2 / WCAG 2.5.3), then what it opens. */}
          <UnstyledButton>
            <Group gap="xs">
              <Avatar color="teal" radius="xl" size="sm" aria-hidden>
                {user.displayName.slice(0, 1).toUpperCase()}
              </Avatar>
              <div>
                <Text size="sm" fw={600}>
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {ROLE_LABELS[user.role]}
                </Text>
              </div>
              <VisuallyHidden>, mon compte</VisuallyHidden>
              <IconChevronDown size={16} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChanging(true)}>
            Changer mon mot de passe
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={16} />} onClick={() => lock()}>
            Verrouiller
          </Menu.Item>
          <Menu.Item leftSection={<IconUserShare size={16} />} onClick={() => switchUser()}>
            Changer d’utilisateur
          </Menu.Item>
          <Menu.Item leftSection={<IconInfoCircle size={16} />} onClick={() => setAbout(true)}>
            À propos de Passerelle
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
      {about && <AboutModal onClose={() => setAbout(false)} />}
    </>
  );
}

export function Shell() {
  const location = useLocation();
  // Opening a screen asks main for its data version (a call that reads nothing): what another
  // window wrote meanwhile refreshes the cached answers instead of showing them until they age.
  useEffect(() => {
    void call('app/info').catch(() => undefined);
  }, [location.pathname]);
  const status = useApiQuery('setup/status');
  const { can } = useSignedIn();
  const menu = menuFor(can);
  const Home = ROUTES.dashboard.component;
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 0 }} padding="lg">
      <SkipLink target="contenu" />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="md">
            <Text fz="xl" fw={700} c="teal.8">
              Passerelle
            </Text>
            <Text c="dimmed">{status.data?.structureName}</Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <SearchLauncher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigation principale">
        {(Object.keys(MENU_GROUPS) as (keyof typeof MENU_GROUPS)[]).map((group) => {
          const entries = menu.filter((entry) => entry.group === group);
          if (entries.length === 0) return null;
          return (
            <div key={group} role="group" aria-label={MENU_GROUPS[group]}>
              {group !== menu[0]?.group && <Divider my={4} />}
              {entries.map((entry) => (
                <NavLink
                  key={entry.id}
                  component={RouterLink}
                  to={entry.path}
                  label={entry.title}
                  leftSection={<entry.icon size={20} stroke={1.6} />}
                  active={entry.path === '/' ? location.pathname === '/' : location.pathname.startsWith(entry.path)}
                />
              ))}
            </div>
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main id="contenu" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loader />}>
            <Routes>
              {routesFor(can).map(({ id, path, component: Screen }) => (
                <Route key={id} path={path} element={<Screen />} />
              ))}
              {/* An address this role may not open, or none of ours, shows the home page. */}
              <Route path="*" element={<Home />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
