import { expect, type Page } from '@playwright/test';

/** The login screen of the shared office PC. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async signIn(displayName: string, password: string) {
    await this.page.getByRole('button', { name: `Se connecter en tant que ${displayName}` }).click();
    await this.submitPassword(password);
  }

  /** Types the password of the account already chosen. */
  async submitPassword(password: string) {
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  }

  async unlock(password: string) {
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Déverrouiller' }).click();
  }

  async expectShown() {
    await expect(this.page.getByText('Qui êtes-vous ?')).toBeVisible();
  }
}
