import { Alert, Button, Grid, Group, NumberInput, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import {
  TLS_MODE_LABELS,
  TLS_MODES,
  type AuthorityCertificateView,
  type ConnectionOutcomeView,
  type PostgresConnectionInput,
} from '@shared/contract/storage';
import { call } from '../../api/client';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure } from '../../ui/notify';
import { AuthorityField } from './AuthorityField';

export type PostgresFormValues = PostgresConnectionInput;

const BLANK: PostgresFormValues = {
  setting: { host: '', port: 5432, database: 'passerelle', user: 'passerelle', tls: 'verify', authority: null },
  password: '',
};

const TLS_OPTIONS = TLS_MODES.map((mode) => ({
  value: mode,
  label: mode === 'no-verify' ? `${TLS_MODE_LABELS[mode]} (déconseillé)` : TLS_MODE_LABELS[mode],
}));

/** What the secretary reads first, one title per outcome. */
const TITLES: Record<ConnectionOutcomeView['kind'], string> = {
  ok: 'Connexion réussie',
  host_not_found: 'Serveur introuvable',
  unreachable: 'Le serveur ne répond pas',
  wrong_password: 'Mot de passe refusé',
  access_refused: 'Accès refusé par le serveur',
  unknown_database: 'Base de données inconnue',
  server_without_tls: 'Connexion chiffrée impossible',
  tls_required_by_server: 'Le serveur exige une connexion chiffrée',
  certificate_untrusted: 'Certificat du serveur non reconnu',
  server_too_old: 'Version de PostgreSQL trop ancienne',
  not_passerelle: 'Cette base contient d’autres données',
  newer_passerelle: 'Base d’une version plus récente de Passerelle',
  needs_join_file: 'Base déjà utilisée : fichier de raccordement nécessaire',
  cannot_create_tables: 'Droits insuffisants sur la base',
  server_busy: 'Serveur occupé',
  failed: 'La connexion a échoué',
};

export function ConnectionOutcomeAlert({ outcome }: { outcome: ConnectionOutcomeView }) {
  return (
    <Stack gap="xs" aria-live="polite">
      <Alert color={outcome.ok ? 'green' : 'red'} title={TITLES[outcome.kind]}>
        <Text size="sm">{outcome.message}</Text>
        <Text size="xs" mt={4}>
          Pour votre prestataire informatique : {outcome.technical}
        </Text>
      </Alert>
      {outcome.warnings.map((warning) => (
        <Alert key={warning} color="orange" title="À savoir">
          <Text size="sm">{warning}</Text>
        </Alert>
      ))}
    </Stack>
  );
}

/**
 * The server’s address, the account Passerelle uses on it, the TLS mode and
 * « Tester la connexion ». The password is kept in this form only while it
 * is open (never in the wizard’s draft).
 */
export function PostgresConnectionForm({
  actions,
  passwordHint = 'Utilisé pour ce test seulement, jamais enregistré',
}: {
  /** Under the password: what becomes of it on this screen. */
  passwordHint?: string;
  /** More buttons beside « Tester la connexion », given the typed values. */
  actions?: (values: PostgresFormValues, form: ReturnType<typeof useForm<PostgresFormValues>>) => ReactNode;
}) {
  const form = useForm<PostgresFormValues>({ initialValues: BLANK });
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<ConnectionOutcomeView | null>(null);
  const [authority, setAuthority] = useState<AuthorityCertificateView[] | null>(null);

  const test = async () => {
    setTesting(true);
    setOutcome(null);
    form.clearErrors();
    try {
      setOutcome(await call('storage/testConnection', withNumberPort(form.getValues())));
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error, 'Le test n’a pas pu être lancé');
    } finally {
      setTesting(false);
    }
  };

  return (
    <Stack>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput
            label="Serveur"
            description="Le nom donné par votre prestataire informatique, celui que porte le certificat du serveur"
            placeholder="base.mairie.fr"
            withAsterisk
            {...form.getInputProps('setting.host')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <NumberInput
            label="Port"
            description="5432 le plus souvent"
            min={1}
            max={65535}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=""
            withAsterisk
            {...form.getInputProps('setting.port')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Base de données" withAsterisk {...form.getInputProps('setting.database')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Utilisateur PostgreSQL" withAsterisk {...form.getInputProps('setting.user')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <PasswordInput
            label="Mot de passe de l’utilisateur PostgreSQL"
            description={passwordHint}
            autoComplete="off"
            withAsterisk
            {...form.getInputProps('password')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Connexion chiffrée"
            description="« TLS obligatoire » vérifie aussi l’identité du serveur"
            data={TLS_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('setting.tls')}
          />
        </Grid.Col>
        {form.values.setting.tls === 'verify' && (
          <Grid.Col span={12}>
            <AuthorityField
              value={form.values.setting.authority ?? null}
              certificates={authority}
              onChange={(pem, certificates) => {
                form.setFieldValue('setting.authority', pem);
                setAuthority(certificates);
              }}
              error={form.errors['setting.authority'] as string | undefined}
            />
          </Grid.Col>
        )}
      </Grid>
      <Group>
        <Button variant="default" onClick={() => void test()} loading={testing}>
          Tester la connexion
        </Button>
        {actions?.(withNumberPort(form.getValues()), form)}
      </Group>
      {outcome && <ConnectionOutcomeAlert outcome={outcome} />}
    </Stack>
  );
}

/**
 * An emptied NumberInput gives '': sent as NaN, refused by the domain’s port rule under its field. The
 * authority goes with « TLS obligatoire » only (it stays chosen if the mode is changed back).
 */
function withNumberPort(values: PostgresFormValues): PostgresFormValues {
  const port = values.setting.port as number | string;
  const authority = values.setting.tls === 'verify' ? (values.setting.authority ?? null) : null;
  return {
    ...values,
    setting: { ...values.setting, port: typeof port === 'number' ? port : Number.NaN, authority },
  };
}
