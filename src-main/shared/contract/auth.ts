import { z } from 'zod';
import { defineMethod, noInput } from './define';
import { id } from './fields';
import { newPassword, ROLES } from './users';

export const sessionUser = z.object({ id, displayName: z.string(), role: z.enum(ROLES) });
export type SessionUserView = z.output<typeof sessionUser>;

/** What the renderer needs to draw the app for the signed-in person. */
export const sessionView = z.object({
  token: z.string(),
  user: sessionUser,
  idleLockMinutes: z.number().int(),
  /** The methods this role may call: screens show only what they can use. */
  permissions: z.array(z.string()),
  /** The password was typed by an administrator: the person chooses their own before anything else. */
  mustChangePassword: z.boolean(),
});
export type SessionView = z.output<typeof sessionView>;

export const authMethods = {
  /** The login screen lists the active accounts by name (one shared office PC). */
  'auth/users': defineMethod({
    input: noInput,
    output: z.array(sessionUser),
    tx: 'read',
    access: 'public',
  }),
  'auth/login': defineMethod({
    input: z.object({
      userId: id,
      password: z.string({ error: 'Saisissez votre mot de passe.' }).min(1, 'Saisissez votre mot de passe.').max(200),
    }),
    output: sessionView,
    tx: 'none',
    access: 'public',
  }),
  'auth/me': defineMethod({
    input: noInput,
    output: z.object({ session: sessionView.omit({ token: true }).nullable() }),
    tx: 'read',
    access: 'public',
  }),
  'auth/logout': defineMethod({
    input: noInput,
    output: z.object({ done: z.literal(true) }),
    tx: 'none',
    access: 'public',
  }),
  'auth/changePassword': defineMethod({
    input: z.object({
      currentPassword: z.string().min(1, 'Saisissez votre mot de passe actuel.').max(200),
      newPassword,
    }),
    output: z.object({ done: z.literal(true) }),
    tx: 'none',
    access: 'user',
    audit: 'change',
  }),
};
