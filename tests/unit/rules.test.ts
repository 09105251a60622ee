import { describe, expect, it } from 'vitest';
import { compactDigits, luhnValid, siretValid } from '../../src-main/shared/identifiers';
import { formatDuration, minutesToTime, timeToMinutes } from '../../src-main/shared/time';
import { formatFrenchDate, isValidIsoDate } from '../../src-main/shared/dates';
import { eurosToCents, formatEuros } from '../../src-main/shared/money';
import { foldForSearch } from '../../src-main/shared/text';
import { isBelowFloor, rateInForce } from '../../src-main/domain/wages';
import { DEFAULT_WAGE_RATES } from '../../src-main/shared/contract/settings';
import { isNetworkPath, networkMountFor } from '../../src-main/db/location';
import { defaultDataDir } from '../../src-main/app/paths';

describe('SIRET', () => {
  it.each([
    ['26290019700019', true],
    ['44306184100047', true],
    ['26290019700018', false],
    ['2629001970001', false],
    ['2629001970001A', false],
    ['35600000000048', true], // La Poste's head office: ordinary Luhn
    ['35600000049837', true], // a La Poste establishment: digit sum multiple of 5
    ['35600000049838', false],
  ])('%s → %s', (siret, valid) => expect(siretValid(siret)).toBe(valid));

  it('accepts the spaces people type', () => {
    expect(compactDigits('262 900 197 00019')).toBe('26290019700019');
    expect(luhnValid('79927398713')).toBe(true);
  });
});

describe('times, dates, money', () => {
  it.each([
    ['08:30', 510],
    ['00:00', 0],
    ['23:59', 1439],
  ])('%s is %i minutes', (time, minutes) => {
    expect(timeToMinutes(time)).toBe(minutes);
    expect(minutesToTime(minutes)).toBe(time);
  });

  it('refuses impossible times and dates', () => {
    expect(() => timeToMinutes('24:00')).toThrow();
    expect(() => minutesToTime(1440)).toThrow();
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('01/01/2026')).toBe(false);
  });

  it('writes amounts and durations the French way', () => {
    expect(formatEuros(1202)).toBe('12,02\u00a0€');
    expect(formatEuros(123456789)).toBe('1\u202f234\u202f567,89\u00a0€');
    expect(formatEuros(-5)).toBe('-0,05\u00a0€');
    expect(eurosToCents(12.02)).toBe(1202);
    expect(eurosToCents(0.29)).toBe(29);
    // No-break spaces: a duration never splits across two lines (shared/french.ts).
    expect(formatDuration(210)).toBe('3\u00a0h\u00a030');
    expect(formatDuration(240)).toBe('4\u00a0h');
    expect(formatFrenchDate('2026-01-01')).toBe('01/01/2026');
  });

  it('folds accents for search', () => {
    expect(foldForSearch('  Élodie   LEFÈVRE ')).toBe('elodie lefevre');
    expect(foldForSearch('N’Diaye')).toBe("n'diaye");
  });
});

describe('SMIC table', () => {
  it.each([
    ['2024-10-31', null],
    ['2024-11-01', 1188],
    ['2025-12-31', 1188],
    ['2026-01-01', 1202],
    ['2030-06-15', 1202],
  ])('on %s the floor is %s', (date, cents) => {
    expect(rateInForce(DEFAULT_WAGE_RATES, date)?.hourlyCents ?? null).toBe(cents);
  });

  it('refuses a wage below the SMIC in force on its date', () => {
    expect(isBelowFloor(DEFAULT_WAGE_RATES, '2026-03-02', 1190)).toBe(true);
    expect(isBelowFloor(DEFAULT_WAGE_RATES, '2025-03-02', 1190)).toBe(false);
    expect(isBelowFloor(DEFAULT_WAGE_RATES, '2026-03-02', 1202)).toBe(false);
  });
});

describe('data folder location', () => {
  it('is local on Windows, never roaming', () => {
    expect(defaultDataDir({ LOCALAPPDATA: 'C:\\Users\\secretariat\\AppData\\Local' }, 'win32')).toMatch(
      /AppData[\\/]Local[\\/]Passerelle$/,
    );
    expect(defaultDataDir({ PASSERELLE_DATA_DIR: '/tmp/passerelle-x' }, 'linux')).toBe('/tmp/passerelle-x');
  });

  it('recognises network shares', () => {
    expect(isNetworkPath('\\\\serveur\\partage\\Passerelle', 'win32')).toBe(true);
    expect(isNetworkPath('C:\\Users\\secretariat\\AppData\\Local\\Passerelle', 'win32')).toBe(false);
    const mounts = [
      '/dev/sda1 / ext4 rw 0 0',
      'srv:/home /home/partage nfs4 rw 0 0',
      '//nas/docs /mnt/nas cifs rw 0 0',
    ].join('\n');
    expect(networkMountFor('/home/partage/passerelle/passerelle.sqlite', mounts)).toBe('/home/partage');
    expect(isNetworkPath('/mnt/nas/passerelle', 'linux', mounts)).toBe(true);
    expect(isNetworkPath('/home/secretariat/.local/share/passerelle', 'linux', mounts)).toBe(false);
    expect(isNetworkPath('/home/partagee/x', 'linux', mounts)).toBe(false);
  });
});
