import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { notifyFailure } from './notify';
import { formatFrenchDate } from '@shared/dates';

/** Main refused a save made on an older version of the record (`STALE`, issue 29). */
export function isStale(error: unknown): error is ApiError {
  return error instanceof ApiError && error.payload.code === 'STALE';
}

type Values = object;

/** The form's values as `path → value`; lists and arrays count as one value (a selection). */
function leaves(value: unknown, prefix = '', into: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, into);
  } else into.set(prefix, value);
  return into;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (Array.isArray(value)) return value.length === 0 ? '(aucun)' : `${value.length} élément(s) choisi(s)`;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatFrenchDate(value);
  return String(value);
}

/**
 * A form on a versioned record (person, worksite, contract, structure,
 * employer). It keeps the version the form was opened on and sends it with
 * the save; when main refuses the save as made on an older version, it says
 * who changed the record and when, offers to reload the current version, and
 * keeps what the user typed aside in « Vos saisies », field by field, to
 * take back: nothing typed is lost.
 */
export function useStaleRecord<V extends Values>(form: UseFormReturnType<V>, openedOn: number) {
  const [version, setVersion] = useState(openedOn);
  // The values the form was opened (or reloaded, or saved) on: what the user changed is what differs from them.
  const [base, setBase] = useState<V>(() => structuredClone(form.getValues()));
  const [refused, setRefused] = useState<{ message: string; mine: V; base: V } | null>(null);
  const [aside, setAside] = useState<{ mine: V; base: V } | null>(null);
  const [reloading, setReloading] = useState(false);

  /** True when the error was a stale save: the notice takes over from the form's usual error display. */
  const handle = (error: unknown): boolean => {
    if (!isStale(error)) return false;
    setRefused({ message: error.message, mine: structuredClone(form.getValues()), base });
    return true;
  };

  /** Loads the current version into the form; the user's typing goes to « Vos saisies ». */
  const reload = async (load: () => Promise<{ values: V; version: number }>) => {
    if (!refused) return;
    setReloading(true);
    try {
      const current = await load();
      form.setValues(current.values);
      form.resetDirty(current.values);
      setVersion(current.version);
      setBase(structuredClone(current.values));
      setAside({ mine: refused.mine, base: refused.base });
      setRefused(null);
    } catch (error) {
      notifyFailure(error, 'La version actuelle n’a pas pu être chargée');
    } finally {
      setReloading(false);
    }
  };

  /** A form that stays open after saving goes on from the version its own save made. */
  const saved = (next: number) => {
    setVersion(next);
    setBase(structuredClone(form.getValues()));
    setRefused(null);
  };

  return { version, refused, aside, setAside, reloading, handle, reload, saved };
}

export type StaleRecord<V extends Values> = ReturnType<typeof useStaleRecord<V>>;

/** The refusal, at the top of the form, with the way out. */
export function StaleNotice<V extends Values>({
  stale,
  onReload,
}: {
  stale: StaleRecord<V>;
  onReload: () => Promise<void>;
}) {
  const reload = useRef<HTMLButtonElement>(null);
  const message = stale.refused?.message;
  // The save button is at the bottom of a long form: the notice comes into view, its way out focused.
  useEffect(() => {
    if (message === undefined) return;
    reload.current?.scrollIntoView({ block: 'center' });
    reload.current?.focus({ preventScroll: true });
  }, [message]);
  if (!stale.refused) return null;
  return (
    <Alert color="orange" title="Modifiée pendant votre saisie : rien n’a été enregistré" role="alert" mb="md">
      <Stack gap="xs">
        <Text size="sm">{stale.refused.message}</Text>
        <Group>
          <Button ref={reload} size="xs" onClick={() => void onReload()} loading={stale.reloading}>
            Recharger la version actuelle
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * « Vos saisies »: after a reload, each field where what the user had typed
 * differs from the current version, with both values and a button to take
 * the user's back.
 */
export function YourEntries<V extends Values>({
  form,
  stale,
  labels,
  show,
}: {
  form: UseFormReturnType<V>;
  stale: StaleRecord<V>;
  /** `path → label` of the fields the form shows. */
  labels: Record<string, string>;
  /** How a value reads where the plain rendering would not do (a code, a choice in a list). */
  show?: (path: string, value: unknown) => string | undefined;
}) {
  const display = (path: string, value: unknown) => show?.(path, value) ?? shown(value);
  const panel = useRef<HTMLDivElement>(null);
  const shownAside = stale.aside !== null;
  // Once reloaded, the panel takes the focus the reload button had (it is gone).
  useEffect(() => {
    if (!shownAside) return;
    panel.current?.scrollIntoView({ block: 'start' });
    panel.current?.focus({ preventScroll: true });
  }, [shownAside]);
  if (!stale.aside) return null;
  const mine = leaves(stale.aside.mine);
  const opened = leaves(stale.aside.base);
  const now = leaves(form.getValues());
  // What the user changed, and the current version does not already say.
  const differing = [...mine.keys()].filter(
    (path) => path in labels && !same(mine.get(path), opened.get(path)) && !same(mine.get(path), now.get(path)),
  );
  const takeBack = (paths: string[]) => {
    for (const path of paths) form.setFieldValue(path as never, mine.get(path) as never);
  };
  return (
    <Paper ref={panel} tabIndex={-1} withBorder p="sm" mb="md" bg="yellow.0" aria-labelledby="vos-saisies">
      <Stack gap="xs">
        <Title order={3} size="h5" id="vos-saisies">
          Vos saisies
        </Title>
        {differing.length === 0 ? (
          <Text size="sm">La version actuelle contient déjà tout ce que vous aviez saisi.</Text>
        ) : (
          <>
            <Text size="sm">
              La fiche montre maintenant la version actuelle. Voici ce que vous aviez saisi et qui en diffère : reprenez
              ce qui doit l’emporter, puis enregistrez.
            </Text>
            <Table aria-label="Vos saisies" withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Information</Table.Th>
                  <Table.Th>Version actuelle</Table.Th>
                  <Table.Th>Votre saisie</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {differing.map((path) => (
                  <Table.Tr key={path}>
                    <Table.Td>{labels[path]}</Table.Td>
                    <Table.Td>{display(path, now.get(path))}</Table.Td>
                    <Table.Td fw={600}>{display(path, mine.get(path))}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => takeBack([path])}
                        aria-label={`Reprendre votre saisie : ${labels[path]}`}
                      >
                        Reprendre
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        <Group gap="xs">
          {differing.length > 1 && (
            <Button size="xs" variant="light" onClick={() => takeBack(differing)}>
              Tout reprendre
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => stale.setAside(null)}>
            Fermer vos saisies
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
