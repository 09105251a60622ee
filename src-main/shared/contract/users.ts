import { z } from 'zod';
import { lengthAdvice } from '../password-policy';
import { defineMethod, noInput } from './define';
import { id, requiredText } from './fields';

export const ROLES = [
  'administrateur',
  'coordination',
  'encadrant',
  'travailleur_social',
  'psychologue',
  'lecture_seule',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrateur: 'Administrateur (secrétariat)',
  coordination: 'Coordination',
  encadrant: 'Encadrant technique',
  travailleur_social: 'Travailleur social / CIP',
  psychologue: 'Psychologue',
  lecture_seule: 'Lecture seule (direction)',
};

export const displayName = requiredText('Le nom', 80);

/** A new password must follow the policy; the message says what to change. */
export const newPassword = z
  .string({ error: 'Le mot de passe est obligatoire.' })
  .max(200, 'Le mot de passe ne doit pas dépasser 200 caractères.')
  .superRefine((value, ctx) => {
    // The strength itself is judged by the handler (password-strength.ts), which knows the names.
    const advice = lengthAdvice(value);
    if (advice) ctx.addIssue({ code: 'custom', message: advice });
  });

export const accountInput = z.object({ displayName, password: newPassword });

export const user = z.object({
  id,
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** When the account may try again after repeated failures, if locked. */
  lockedUntil: z.string().nullable(),
  passwordChangedAt: z.string(),
  /** The password was typed by an administrator: the person replaces it at their next sign-in. */
  mustChangePassword: z.boolean(),
});
export type User = z.output<typeof user>;

const roleField = z.enum(ROLES, { error: 'Choisissez un rôle.' });

export const usersMethods = {
  'users/list': defineMethod({ input: noInput, output: z.array(user), tx: 'read', access: 'user' }),
  'users/create': defineMethod({
    input: accountInput.extend({ role: roleField }),
    output: user,
    tx: 'none',
    access: 'user',
    audit: 'change',
  }),
  'users/update': defineMethod({
    input: z.object({ id, displayName, role: roleField }),
    output: user,
    tx: 'write',
    access: 'user',
  }),
  'users/setActive': defineMethod({
    input: z.object({ id, active: z.boolean() }),
    output: user,
    tx: 'write',
    access: 'user',
  }),
  'users/resetPassword': defineMethod({
    input: z.object({ id, password: newPassword }),
    output: user,
    tx: 'none',
    access: 'user',
    audit: 'change',
  }),
};
