import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, METHODS } from '../../src-main/shared/contract';
import { PERMISSIONS, isAllowed } from '../../src-main/app/permissions';
import { ROLES } from '../../src-main/app/session';
import { dispatch } from '../../src-main/app/dispatch';
import { testServices } from './support/services';

describe('permission matrix', () => {
  it('has an entry for every contract method, and nothing else', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...METHODS].sort());
  });

  it('keeps public only what must answer before anyone signs in', () => {
    for (const method of METHODS) {
      const isPublic = PERMISSIONS[method] === 'public';
      expect(isPublic, method).toBe(contract[method].access === 'public');
    }
  });

  it('refuses an unknown role on every non-public method', () => {
    for (const method of METHODS) {
      if (PERMISSIONS[method] === 'public') continue;
      expect(isAllowed(method, null)).toBe(false);
      expect(isAllowed(method, 'visiteur' as never)).toBe(false);
    }
  });

  it('gives every role a clear answer through dispatch for any method (property)', async () => {
    const services = await testServices();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.constantFrom(...ROLES, null), async (method, role) => {
        const result = await dispatch(services, method, {}, { user: role ? { id: 1, role } : null });
        if (!result.ok) {
          expect(['INVALID_INPUT', 'UNAUTHORIZED', 'FORBIDDEN', 'CONFLICT', 'NOT_FOUND']).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(10);
        }
        if (!result.ok && result.error.code === 'UNAUTHORIZED') expect(contract[method].access).toBe('user');
      }),
      { numRuns: 60 },
    );
  });
});
