/**
 * French administrative identifiers. Pure, runs anywhere (renderer forms use it
 * through the contract schemas).
 */

/** The Luhn checksum used by SIREN/SIRET numbers. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments share SIREN 356000000 and use another rule (INSEE): digit sum multiple of 5. */
const LA_POSTE_SIREN = '356000000';

export function siretValid(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== '35600000000048') {
    const sum = [...siret].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

/** Removes the spaces and dots people type inside numbers ("123 456 789 00012"). */
export function compactDigits(value: string): string {
  return value.replace(/[\s.\u00a0-]/g, '');
}

/**
 * French social security number (NIR): 13 characters then a 2-digit key,
 * key = 97 − (number mod 97); Corsica's 2A/2B count as 19/18 for the key.
 */
export function nirValid(value: string): boolean {
  const nir = value.toUpperCase();
  if (!/^[1-478]\d{4}(\d{2}|2A|2B)\d{6}\d{2}$/.test(nir)) return false;
  const body = nir.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = Number(nir.slice(13));
  return 97 - Number(BigInt(body) % 97n) === key;
}

/** What staff see of a NIR outside payroll: sex and birth year only. */
export function maskNir(nir: string): string {
  return `${nir.slice(0, 1)} ${nir.slice(1, 3)} •• •• ••• ••• ••`;
}
