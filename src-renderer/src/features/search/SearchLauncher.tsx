import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { SearchDialog } from './SearchDialog';

/**
 * The search box of the header, and Ctrl+K from any screen (even while
 * typing in a field: the shortcut is not a character anyone types).
 */
export function SearchLauncher() {
  const [opened, setOpened] = useState(false);
  useHotkeys([['mod+K', () => setOpened(true)]], []);
  return (
    <>
      <UnstyledButton
        onClick={() => setOpened(true)}
        aria-keyshortcuts="Control+K"
        px="sm"
        py={6}
        w={300}
        style={{ border: '1px solid var(--mantine-color-gray-5)', borderRadius: 6 }}
      >
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconSearch size={16} aria-hidden />
            <Text size="sm" c="dark.5">
              Rechercher
            </Text>
          </Group>
          <Kbd size="xs">Ctrl + K</Kbd>
        </Group>
      </UnstyledButton>
      <SearchDialog opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
