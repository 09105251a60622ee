import { ActionIcon, Group, Popover, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { fixTypography } from '@shared/french';
import { GLOSSARY, type GlossaryKey } from '@shared/glossary';

/**
 * The « i » beside a word a new user may not know: a click (or Entrée) opens
 * its definition from the one glossary. A popover rather than a tooltip, so
 * the text can be read at leisure and reached by keyboard.
 */
export function TermHelp({ term }: { term: GlossaryKey }) {
  const entry = GLOSSARY[term];
  return (
    <Popover width={340} position="bottom-start" withArrow shadow="md" closeOnEscape trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`Qu’est-ce que « ${entry.term} » ?`}
          // Inside a field's label, a click must open the help, not focus the field.
          onClick={(event) => event.preventDefault()}
          style={{ verticalAlign: 'middle' }}
        >
          <IconInfoCircle size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={entry.term}>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {fixTypography(`${entry.term} : ${entry.short}`)}
          </Text>
          <Text size="sm">{fixTypography(entry.definition)}</Text>
          {'source' in entry && (
            <Text size="xs" c="dimmed">
              {fixTypography(entry.source)}
            </Text>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A field's or a line's label followed by its « i ». */
export function WithHelp({ children, term }: { children: ReactNode; term: GlossaryKey }) {
  return (
    <Group component="span" gap={2} wrap="nowrap" style={{ display: 'inline-flex' }}>
      {children}
      <TermHelp term={term} />
    </Group>
  );
}
