import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { notifyFailure, notifySuccess } from './notify';

/**
 * Validates one part of a larger form with its contract schema (the same one
 * main applies), and shows the French messages under the fields.
 */
export function validateSection<V>(
  form: UseFormReturnType<V>,
  prefix: string,
  schema: z.ZodType,
  value: unknown,
): boolean {
  const result = schema.safeParse(value);
  const errors: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      errors[key] ??= issue.message;
    }
  }
  // Field by field: each update builds on the latest errors, so two sections
  // validated one after the other keep both sets of messages.
  for (const key of Object.keys(form.errors)) {
    if ((prefix === '' || key === prefix || key.startsWith(`${prefix}.`)) && !(key in errors))
      form.clearFieldError(key);
  }
  for (const [key, message] of Object.entries(errors)) form.setFieldError(key, message);
  return result.success;
}

/** Puts the field errors main returned next to the inputs; true when there were some. */
export function showServerErrors<V>(form: UseFormReturnType<V>, error: unknown, prefix = ''): boolean {
  if (!(error instanceof ApiError) || !error.payload.issues?.length) {
    if (error instanceof ApiError && error.payload.field) {
      form.setFieldError(prefix + error.payload.field, error.payload.message);
      return true;
    }
    return false;
  }
  const errors: Record<string, string> = {};
  for (const issue of error.payload.issues) errors[prefix + issue.field] ??= issue.message;
  form.setErrors(errors);
  return true;
}

/**
 * Runs a form's save: on success a confirmation and `then` (usually closing
 * the modal); on failure the messages under the fields main named, or a
 * notification when the failure is not about one field.
 */
export async function saveForm<V>(
  form: UseFormReturnType<V>,
  save: () => Promise<unknown>,
  success: string,
  then: () => void,
  /** Takes an error first (a stale save shown by its own notice); true when it did. */
  handled?: (error: unknown) => boolean,
): Promise<void> {
  try {
    await save();
    notifySuccess(success);
    then();
  } catch (error) {
    if (handled?.(error)) return;
    if (!showServerErrors(form, error)) notifyFailure(error);
  }
}
