import { describe, expect, it } from 'vitest';
import { configured, valueOf } from './support/services';
import { person, situation } from './support/people';
import { testEngine } from './support/postgres';

describe('Services.reopenDatabase', () => {
  it('after a swap that fails half-way, the app goes on with its database open, data and journal intact', async () => {
    const { services, call } = await configured();
    const created = valueOf(
      await call('people/create', { person: person({ lastName: 'Le Gall' }), situation: situation() }),
    );
    const before = services.db;
    await expect(
      services.reopenDatabase(async () => {
        throw new Error('la clé a été retirée');
      }),
    ).rejects.toThrow('la clé a été retirée');
    // A new connection and engine, on the same file (SQLite) or the same server database (PostgreSQL: no file).
    expect(services.db).not.toBe(before);
    expect(services.engine.file).toBe(testEngine() === 'sqlite' ? services.paths.databaseFile : '');
    expect(valueOf(await call('people/get', { id: created.id })).lastName).toBe('Le Gall');
    expect(
      valueOf(await call('people/create', { person: person({ lastName: 'N’Diaye' }), situation: situation() })).id,
    ).toBeGreaterThan(created.id);
  });
});
