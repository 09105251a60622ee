import { expect, type Page } from '@playwright/test';

/** The screen that makes a person replace the password an administrator typed. */
export class ChoosePasswordPage {
  constructor(readonly page: Page) {}

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
  }

  async fill(given: string, chosen: string, confirm = chosen) {
    await this.page.getByLabel('Mot de passe donné par l’administrateur').fill(given);
    await this.page.getByLabel('Nouveau mot de passe').fill(chosen);
    await this.page.getByLabel('Confirmer le mot de passe').fill(confirm);
  }

  async choose(given: string, chosen: string) {
    await this.expectShown();
    await this.fill(given, chosen);
    await this.page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  }
}
