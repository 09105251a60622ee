import { Box, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { hrefFor, menuFor } from '../../app/routes';
import { foundPages, type FoundGroup } from './found-pages';

const MIN_LENGTH = 2;

/** Focuses the opened screen's title once it has loaded (screens load lazily), so the keyboard starts there. */
function focusTitleWhenShown(previous: Element | null, triesLeft = 40) {
  const title = document.querySelector<HTMLElement>('main h1');
  if (title && (title !== previous || triesLeft === 0)) {
    title.tabIndex = -1;
    title.focus();
  } else if (triesLeft > 0) window.setTimeout(() => focusTitleWhenShown(previous, triesLeft - 1), 50);
}

/** The groups found for a text: the screens at once, the records from main (`search/anywhere`). */
function useFound(text: string) {
  const { can } = useSignedIn();
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const enough = debounced.length >= MIN_LENGTH;
  const records = useApiQuery(
    'search/anywhere',
    { text: debounced.slice(0, 100) },
    { enabled: enough, placeholderData: (previous) => previous },
  );
  const groups = useMemo<FoundGroup[]>(() => {
    const pages = text.trim().length >= MIN_LENGTH ? foundPages(menuFor(can), text) : null;
    const fromMain = enough
      ? (records.data?.groups ?? []).map((g) => ({
          ...g,
          hits: g.hits.map((h) => {
            const href = hrefFor(h.link);
            return { key: `${g.kind}:${href}:${h.title}:${h.detail}`, title: h.title, detail: h.detail, href };
          }),
        }))
      : [];
    return [...fromMain, ...(pages ? [pages] : [])];
  }, [can, enough, records.data, text]);
  return { groups, searching: enough && records.isFetching, enough: text.trim().length >= MIN_LENGTH };
}

/**
 * Search from anywhere, used with the keyboard alone: arrows move through the
 * results (a combobox over a list box, as screen readers expect), Enter opens
 * the result, Escape closes and focus returns where it was (Mantine's modal).
 */
export function SearchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const { groups, searching, enough } = useFound(text);
  const hits = groups.flatMap((g) => g.hits);
  const id = useId();
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => setActive(0), [groups]);
  useEffect(() => {
    if (!opened) setText('');
  }, [opened]);
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  // Escape gives the focus back where it was; opening a result gives it to the new screen's title.
  const [opening, setOpening] = useState(false);
  useEffect(() => {
    if (opened) setOpening(false);
  }, [opened]);
  const open = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    const previous = document.querySelector('main h1');
    setOpening(true);
    onClose();
    void navigate(hit.href);
    focusTitleWhenShown(previous);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
    }
  };

  // Where each group's lines start in the one list the arrows walk through.
  const starts = groups.map((_, g) => groups.slice(0, g).reduce((sum, previous) => sum + previous.hits.length, 0));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Rechercher"
      size="lg"
      yOffset="10vh"
      returnFocus={!opening}
      trapFocus
      closeButtonProps={{ 'aria-label': 'Fermer la recherche' }}
    >
      <TextInput
        data-autofocus
        aria-label="Rechercher une personne, un chantier, un document ou une page"
        placeholder="Nom, chantier, document, page…"
        leftSection={<IconSearch size={16} />}
        rightSection={searching ? <Loader size="xs" /> : null}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={hits.length > 0 ? optionId(active) : undefined}
        maxLength={100}
        autoComplete="off"
      />
      <Box id={`${id}-list`} role="listbox" aria-label="Résultats" mt="sm" mah="55vh" style={{ overflowY: 'auto' }}>
        {groups.map((group, g) => (
          <Box key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`} mb="sm">
            <Text id={`${id}-${group.kind}`} size="xs" fw={700} tt="uppercase" c="dark.4" px="xs" py={4}>
              {group.label}
            </Text>
            {group.hits.map((hit, h) => {
              const mine = starts[g]! + h;
              const selected = mine === active;
              return (
                <UnstyledButton
                  key={hit.key}
                  id={optionId(mine)}
                  role="option"
                  aria-selected={selected}
                  tabIndex={-1}
                  onMouseEnter={() => setActive(mine)}
                  onClick={() => open(mine)}
                  w="100%"
                  px="xs"
                  py={6}
                  bg={selected ? 'teal.0' : undefined}
                  style={{ borderRadius: 4, outline: selected ? '2px solid var(--mantine-color-teal-8)' : undefined }}
                >
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {hit.title}
                    </Text>
                    <Text size="xs" c="dark.5">
                      {hit.detail}
                    </Text>
                  </Stack>
                </UnstyledButton>
              );
            })}
            {group.more && (
              <Text size="xs" c="dark.5" px="xs">
                D’autres résultats existent : précisez la recherche.
              </Text>
            )}
          </Box>
        ))}
      </Box>
      <Text size="sm" c="dark.5" mt="xs" aria-live="polite">
        {!enough
          ? 'Tapez au moins 2 caractères. Flèches pour choisir, Entrée pour ouvrir, Échap pour fermer.'
          : searching && hits.length === 0
            ? 'Recherche…'
            : hits.length === 0
              ? 'Aucun résultat : vérifiez l’orthographe ou tapez moins de lettres.'
              : `${hits.length} résultat${hits.length > 1 ? 's' : ''}. Flèches pour choisir, Entrée pour ouvrir.`}
      </Text>
    </Modal>
  );
}
