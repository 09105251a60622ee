import * as repo from '../../db/repositories/payroll';
import { PAY_ITEM_DEFAULTS, PAY_ITEMS, type PayItem } from '../../shared/contract/pay-items';
import type { ReadableDb } from '../../db/access';

/** Every pay item with the employer's code, or the default one. */
export async function payItemCodes(db: ReadableDb, employerId: number) {
  const changed = await repo.payItemCodesOf(db, employerId);
  return PAY_ITEMS.map((item) => ({
    item,
    code: changed.get(item) ?? PAY_ITEM_DEFAULTS[item].code,
    description: PAY_ITEM_DEFAULTS[item].description,
    isDefault: !changed.has(item),
  }));
}

export function codeOf(codes: readonly { item: PayItem; code: string }[], item: PayItem): string {
  return codes.find((c) => c.item === item)?.code ?? PAY_ITEM_DEFAULTS[item].code;
}
