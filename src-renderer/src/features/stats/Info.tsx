import { ActionIcon, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';

/** The "i" beside a figure: how it is counted. */
export function Info({ text, label }: { text: string; label: string }) {
  return (
    <Tooltip label={text} multiline w={360} withArrow events={{ hover: true, focus: true, touch: true }}>
      <ActionIcon variant="subtle" size="sm" color="gray" aria-label={`Mode de calcul : ${label}`}>
        <IconInfoCircle size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** On screen figures show in full; a count of 1 to 4 people is marked, as reports hide it. */
export function SmallMark({ count }: { count: number }) {
  if (count <= 0 || count >= 5) return null;
  return (
    <Tooltip label="Moins de 5 personnes : masqué dans les rapports et exports (secret statistique)">
      <span aria-label="moins de 5, masqué dans les rapports" style={{ color: 'var(--mantine-color-orange-7)', marginLeft: 4 }}>
        *
      </span>
    </Tooltip>
  );
}
