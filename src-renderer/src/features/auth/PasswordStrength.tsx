import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SecretPurpose } from '@shared/password-strength';
import { loadEstimator } from './password-estimator';

type Evaluate = Awaited<ReturnType<typeof loadEstimator>>;

/**
 * The strength meter, filled up to what the CNIL asks for this use (the main
 * process checks again), with the reason live as the user types. `quiet`
 * leaves the reason out when the field already shows it as its error, so it
 * is written once.
 */
export function PasswordStrength({
  password,
  personName,
  structureName,
  purpose = 'account',
  quiet = false,
}: {
  password: string;
  personName?: string;
  structureName?: string;
  purpose?: SecretPurpose;
  quiet?: boolean;
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
  const verdict = evaluate(password, purpose, { personName, structureName });
  const percent = Math.min(100, Math.round((verdict.bits / verdict.requiredBits) * 100));
  const color = verdict.acceptable ? (percent >= 100 ? 'teal' : 'lime') : percent > 50 ? 'orange' : 'red';
  return (
    <Stack gap={4}>
      <Progress
        value={percent}
        color={color}
        size="sm"
        aria-label={purpose === 'backup' ? 'Solidité de la phrase de passe' : 'Solidité du mot de passe'}
      />
      {!(quiet && !verdict.acceptable) && (
        <Text size="sm" c={verdict.acceptable ? 'teal.8' : 'red.8'} aria-live="polite">
          {verdict.acceptable
            ? purpose === 'backup'
              ? 'Phrase de passe assez solide.'
              : 'Mot de passe assez solide.'
            : verdict.advice}
        </Text>
      )}
    </Stack>
  );
}
