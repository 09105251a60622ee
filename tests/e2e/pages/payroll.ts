import { expect, type Page } from '@playwright/test';

/** The « Heures à transmettre » screen: its status, its changes, its files. */
export class PayrollPage {
  constructor(private readonly page: Page) {}

  get status() {
    return this.page.getByText(/^(À préparer|Validé|Transmis à l’employeur)$/);
  }

  get changes() {
    return this.page.getByRole('table', { name: 'Changements depuis la validation' });
  }

  /** Saves one of the month's files into ~/<folder> through the in-app picker. */
  async saveInto(button: string, folder: string) {
    await this.page.getByRole('button', { name: button }).click();
    const picker = this.page.getByRole('dialog', { name: 'Choisir le dossier où enregistrer le fichier' });
    await picker.getByRole('button', { name: 'Dossier personnel' }).click();
    await picker.getByRole('button', { name: `Ouvrir le dossier ${folder}` }).click();
    await picker.getByRole('button', { name: 'Choisir ce dossier' }).click();
    await expect(this.page.getByText('Fichier enregistré')).toBeVisible();
  }
}
