import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SecretPurpose } from '@shared/password-strength';

type Evaluate = typeof import('@shared/password-strength').evaluatePassword;

// The estimator's dictionaries weigh about 1 MB: loaded once, when a meter first shows.
let loading: Promise<Evaluate> | null = null;
const loadEstimator = () => (loading ??= import('@shared/password-strength').then((module) => module.evaluatePassword));

/** The strength meter, filled up to what the CNIL asks for this use (the main process checks again). */
export function PasswordStrength({
  password,
  personName,
  purpose = 'account',
}: {
  password: string;
  personName?: string;
  purpose?: SecretPurpose;
}) {
  const [evaluate, setEvaluate] = useState<Evaluate | null>(null);
  useEffect(() => {
    let live = true;
    void loadEstimator().then((loaded) => live && setEvaluate(() => loaded));
    return () => {
      live = false;
    };
  }, []);
  if (password.length === 0 || !evaluate) return null;
  const verdict = evaluate(password, purpose, { personName });
  const percent = Math.min(100, Math.round((verdict.bits / verdict.requiredBits) * 100));
  const color = verdict.acceptable ? (percent >= 100 ? 'teal' : 'lime') : percent > 50 ? 'orange' : 'red';
  return (
    <Stack gap={4}>
      <Progress value={percent} color={color} size="sm" aria-label={purpose === 'backup' ? 'Solidité de la phrase de passe' : 'Solidité du mot de passe'} />
      <Text size="sm" c={verdict.acceptable ? 'teal.8' : 'red.8'}>
        {verdict.acceptable ? (purpose === 'backup' ? 'Phrase de passe assez solide.' : 'Mot de passe assez solide.') : verdict.advice}
      </Text>
    </Stack>
  );
}
