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
