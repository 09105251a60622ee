import { Alert, Button, Container, Group, Paper, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { displayName as displayNameField } from '@shared/contract/users';
import { checkNewPassword, NewPasswordFields } from '../auth/NewPasswordFields';
import { useSession } from '../auth/SessionContext';
import { useEffect, useState } from 'react';
import { DEFAULT_WAGE_RATES, structureInput, workHoursInput, type EmployerInput } from '@shared/contract/settings';
import type { SetupInput } from '@shared/contract/setup';
import { call, ApiError, useApiQuery } from '../../api/client';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { useFormErrorSummary } from '../../ui/FormErrors';
import { notifyFailure } from '../../ui/notify';
import { HoursFields } from '../settings/HoursFields';
import { LogoField, type LogoValue } from '../settings/LogoField';
import { StructureFields } from '../settings/StructureFields';
import { hasMetropolitanSmic } from '@shared/smic-floor';
import { WageRatesTable, type WageRow } from '../settings/WageRatesTable';
import { EmployersStep } from './EmployersStep';
import { StorageChoice, type StorageChoiceValue } from '../storage/StorageChoice';
import { SetupSummary } from './SetupSummary';
import { clearWizardDraft, loadWizardDraft, saveWizardDraft } from './wizard-draft';

export interface WizardValues {
  structure: SetupInput['structure'];
  logo: LogoValue | null;
  hours: SetupInput['hours'];
  employers: EmployerInput[];
  wageRates: WageRow[];
  administrator: { displayName: string; password: string; confirm: string };
}

/** SMIC horaire brut: 11,88 € from 1 Nov 2024, 12,02 € from 1 Jan 2026. */
const DEFAULT_RATES: WageRow[] = DEFAULT_WAGE_RATES.map((rate) => ({ ...rate, key: `smic-${rate.effectiveFrom}` }));

const STEP_OF_FIELD: [string, number][] = [
  ['structure', 0],
  ['logoFile', 0],
  ['employers', 1],
  ['hours', 2],
  ['wageRates', 3],
  ['administrator', 4],
];

const PASSWORD_STEP = 4;
const SUMMARY_STEP = 5;

const BLANK: WizardValues = {
  structure: {
    name: '',
    address: '',
    postcode: '',
    town: '',
    siret: '',
    phone: '',
    email: '',
    signatoryName: '',
    signatoryTitle: '',
  },
  logo: null,
  hours: { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:00' },
  employers: [],
  wageRates: DEFAULT_RATES,
  administrator: { displayName: '', password: '', confirm: '' },
};

/** First run: the secretary describes the structure, its employers, its hours and the SMIC. */
export function SetupWizard() {
  const client = useQueryClient();
  const { signIn } = useSession();
  // A wizard closed or reloaded halfway comes back where it was; passwords are typed again.
  const [draft] = useState(loadWizardDraft);
  const [step, setStep] = useState(() => Math.min(draft?.step ?? 0, PASSWORD_STEP));
  const [saving, setSaving] = useState(false);
  const [stepError, setStepError] = useState<string | null>(null);
  // Where the data is kept: asked first; the server's fields and password never go in the draft.
  // Asked on the first step only: once the last step creates the administrator, the structure exists and
  // this call needs her session, which a refetch racing the answer would not have yet.
  // Paired with the office’s server, every call goes there: this PC’s storage is no longer asked.
  const [pairedWith, setPairedWith] = useState<string | null>(null);
  const storage = useApiQuery('storage/status', undefined, { enabled: step === 0 && pairedWith === null });
  const onServer = storage.data?.engine === 'postgres';
  const [engine, setEngine] = useState<StorageChoiceValue>('sqlite');
  // Already on a server (chosen here, or by this PC before a restart): the wizard goes on there.
  useEffect(() => {
    if (onServer) setEngine('postgres');
  }, [onServer]);
  const choosingServer = step === 0 && ((engine === 'postgres' && !onServer) || engine === 'office');
  // Joining the office’s server: none of this wizard’s steps (the server has them), only those this PC goes through.
  const joining = step === 0 && engine === 'office';
  const form = useForm<WizardValues>({ initialValues: draft?.values ?? BLANK });
  const { ref: summaryRef, reveal: revealErrors, summary: errorSummary } = useFormErrorSummary<HTMLDivElement>();
  const values = form.getValues();
  useEffect(() => saveWizardDraft({ step, values }));

  const stepIsValid = async (index: number): Promise<boolean> => {
    setStepError(null);
    if (index === 0) return validateSection(form, 'structure', structureInput, values.structure);
    if (index === 1 && values.employers.length === 0) {
      setStepError(
        'Ajoutez au moins un employeur : l’association de portage de vos MESP, ou le CCAS s’il porte un ACI.',
      );
      return false;
    }
    if (index === 2) return validateSection(form, 'hours', workHoursInput, values.hours);
    if (index === 3 && values.wageRates.length === 0) {
      setStepError('Indiquez au moins un taux du SMIC horaire.');
      return false;
    }
    if (index === PASSWORD_STEP) {
      // The whole password rule is checked here, where it is typed, not at the end.
      const { displayName, password, confirm } = values.administrator;
      const named = validateSection(form, 'administrator.displayName', displayNameField, displayName);
      const passwordOk = await checkNewPassword(
        form,
        password,
        confirm,
        { personName: displayName, structureName: values.structure.name },
        'administrator.',
      );
      return named && passwordOk;
    }
    return true;
  };

  const next = async () => {
    if (await stepIsValid(step)) setStep((s) => s + 1);
    else revealErrors();
  };

  // The first step’s content: where the data is kept, then (this PC’s own data) the structure.
  const firstStep = (
    <Stack mt="md">
      <StorageChoice value={engine} onChange={setEngine} onPaired={(server) => setPairedWith(server.address)} />
      {!joining && (engine === 'sqlite' || onServer) && (
        <>
          <Title order={2} size="h4" mt="md">
            Votre structure
          </Title>
          <StructureFields form={form} prefix="structure." />
          <LogoField
            value={values.logo}
            onChange={(logo) => form.setFieldValue('logo', logo)}
            error={form.errors.logoFile as string | undefined}
          />
        </>
      )}
    </Stack>
  );

  const finish = async () => {
    setSaving(true);
    const input: SetupInput = {
      structure: values.structure,
      logoFile: values.logo?.file ?? null,
      hours: values.hours,
      employers: values.employers,
      wageRates: values.wageRates.map(({ effectiveFrom, hourlyCents }) => ({ effectiveFrom, hourlyCents })),
      administrator: { displayName: values.administrator.displayName, password: values.administrator.password },
    };
    try {
      signIn(await call('setup/complete', input));
      clearWizardDraft();
      await client.invalidateQueries();
    } catch (error) {
      const field = error instanceof ApiError ? error.payload.field : undefined;
      const target = STEP_OF_FIELD.find(([prefix]) => field?.startsWith(prefix));
      if (target) setStep(target[1]);
      // A field's error shows under that field and in the summary; only the others need a notice.
      if (target && showServerErrors(form, error)) revealErrors();
      else notifyFailure(error, 'La configuration n’est pas terminée');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Container component="main" size="lg" py="xl">
      <Stack>
        <div>
          <Title order={1}>Bienvenue dans Passerelle</Title>
          <Text c="dimmed">
            {joining && pairedWith !== null
              ? 'Ce PC est relié au serveur Passerelle du bureau : il ne reste qu’à vous connecter, avec votre compte.'
              : joining
                ? 'Ce PC va travailler avec le serveur Passerelle du bureau : la structure, les employeurs, les horaires et les comptes y sont déjà. Il reste seulement à relier ce PC au serveur.'
                : 'Quelques informations pour commencer. Vous pourrez tout modifier plus tard dans Paramètres.'}
          </Text>
        </div>
        <Paper withBorder p="xl" radius="md" ref={summaryRef}>
          {errorSummary}
          {/* One stepper whichever the path: the storage choice stays the same element (focus, typing kept). */}
          <Stepper
            data-testid="wizard-steps"
            active={joining ? (pairedWith === null ? 1 : 2) : step}
            onStepClick={joining ? undefined : (target) => target < step && setStep(target)}
            allowNextStepsSelect={false}
          >
            {joining
              ? [
                  <Stepper.Step key="where" label="Où garder les données" description="Sur le serveur du bureau" />,
                  <Stepper.Step key="join" label="Rejoindre le serveur" description="Adresse, empreinte, code">
                    {firstStep}
                  </Stepper.Step>,
                  <Stepper.Step key="sign-in" label="Se connecter" description="Avec votre compte">
                    {firstStep}
                  </Stepper.Step>,
                ]
              : [
                  <Stepper.Step key="structure" label="Structure" description="Votre CCAS">
                    {firstStep}
                  </Stepper.Step>,
                  <Stepper.Step key="employers" label="Employeurs" description="Portage, ACI">
                    <EmployersStep
                      employers={values.employers}
                      onChange={(employers) => {
                        form.setFieldValue('employers', employers);
                        setStepError(null);
                      }}
                    />
                  </Stepper.Step>,
                  <Stepper.Step key="hours" label="Horaires" description="Demi-journées">
                    <Stack mt="md">
                      <Text>Horaires habituels des demi-journées de chantier (modifiables chantier par chantier).</Text>
                      <HoursFields form={form} prefix="hours." />
                    </Stack>
                  </Stepper.Step>,
                  <Stepper.Step key="smic" label="SMIC" description="Taux horaires">
                    <Stack mt="md">
                      <Text>
                        Le SMIC horaire brut en vigueur sert à vérifier les salaires. Lors de chaque revalorisation,
                        ajoutez le nouveau taux avec sa date d’effet.
                      </Text>
                      <WageRatesTable
                        rates={values.wageRates}
                        legalFloor={hasMetropolitanSmic(values.structure.postcode)}
                        onAdd={(rate) => {
                          if (values.wageRates.some((r) => r.effectiveFrom === rate.effectiveFrom)) {
                            throw new ApiError({
                              code: 'CONFLICT',
                              message: 'Un taux existe déjà à cette date.',
                              field: 'effectiveFrom',
                            });
                          }
                          form.setFieldValue('wageRates', [
                            ...values.wageRates,
                            { ...rate, key: `new-${rate.effectiveFrom}` },
                          ]);
                        }}
                        onRemove={(key) =>
                          form.setFieldValue(
                            'wageRates',
                            values.wageRates.filter((r) => r.key !== key),
                          )
                        }
                      />
                    </Stack>
                  </Stepper.Step>,
                  <Stepper.Step key="account" label="Compte" description="Administrateur">
                    <Stack mt="md" maw={560}>
                      <Text>
                        Votre compte d’administrateur : vous créerez ensuite ceux de vos collègues (coordination,
                        encadrants, travailleurs sociaux…) dans Paramètres. Chacun aura son propre mot de passe.
                      </Text>
                      <TextInput
                        label="Votre nom"
                        placeholder="Prénom Nom"
                        withAsterisk
                        {...form.getInputProps('administrator.displayName')}
                      />
                      <NewPasswordFields
                        form={form}
                        prefix="administrator."
                        password={values.administrator.password}
                        personName={values.administrator.displayName}
                        structureName={values.structure.name}
                      />
                    </Stack>
                  </Stepper.Step>,
                  <Stepper.Completed key="summary">
                    <SetupSummary values={values} />
                  </Stepper.Completed>,
                ]}
          </Stepper>

          {stepError && (
            <Alert color="orange" mt="md">
              {stepError}
            </Alert>
          )}

          {/* Joining the office’s server: its own steps above, nothing of this wizard to go through. */}
          {!joining && (
            <Group justify="space-between" mt="xl">
              <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={step === 0}>
                Retour
              </Button>
              {choosingServer ? null : step < SUMMARY_STEP ? (
                <Button onClick={() => void next()}>Suivant</Button>
              ) : (
                <Button onClick={() => void finish()} loading={saving}>
                  Terminer la configuration
                </Button>
              )}
            </Group>
          )}
        </Paper>
      </Stack>
    </Container>
  );
}
