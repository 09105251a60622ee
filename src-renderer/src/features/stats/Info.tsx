import { ActionIcon, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ShownCount } from '@shared/contract/stats';

/** A count as published: its number, or its secrecy mark. */
export const countText = (c: ShownCount) => (c.count === null ? (c.masked ?? '') : String(c.count));

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

/** With small figures shown (internal use), a count of 1 to 4 people is marked: it is hidden everywhere else. */
export function SmallMark({ count }: { count: number | null }) {
  if (count === null || count <= 0 || count >= 5) return null;
  return (
    <Tooltip label="Moins de 5 personnes : masqué sans l’option « petits effectifs » (secret statistique)">
      <span
        aria-label="moins de 5, masqué sans l’option petits effectifs"
        style={{ color: 'var(--mantine-color-orange-7)', marginLeft: 4 }}
      >
        *
      </span>
    </Tooltip>
  );
}
