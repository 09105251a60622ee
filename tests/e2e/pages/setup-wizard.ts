import { expect, type Locator, type Page } from '@playwright/test';

export interface StructureData {
  name: string;
  address: string;
  postcode: string;
  town: string;
  siret: string;
  phone: string;
  email: string;
  signatoryName: string;
  signatoryTitle: string;
}

export interface EmployerData {
  name: string;
  address: string;
  postcode: string;
  town: string;
  siret: string;
  payrollEmail: string;
  /** As the list shows it, e.g. « Aucune convention collective ». */
  collectiveAgreement: string;
  pensionFund: string;
  pensionFundAddress: string;
  providentBody: string;
  providentBodyAddress: string;
  signatoryName: string;
  signatoryTitle: string;
}

/** The first-run wizard, step by step, as the secretary sees it. */
export class SetupWizardPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Bienvenue dans Passerelle' });
  }

  async fillStructure(data: StructureData) {
    const p = this.page;
    await p.getByLabel('Nom de la structure').fill(data.name);
    await p.getByLabel('Adresse').fill(data.address);
    await p.getByLabel('Code postal').fill(data.postcode);
    await p.getByLabel('Commune').fill(data.town);
    await p.getByLabel('SIRET').fill(data.siret);
    await p.getByLabel('Téléphone').fill(data.phone);
    await p.getByLabel('E-mail').fill(data.email);
    await p.getByLabel('Nom du signataire').fill(data.signatoryName);
    await p.getByLabel('Qualité du signataire').fill(data.signatoryTitle);
  }

  async chooseLogoInPicker(folder: string, file: string) {
    await this.page.getByRole('button', { name: 'Choisir un logo…' }).click();
    const picker = this.page.getByRole('dialog', { name: /Choisir le logo/ });
    await picker.getByRole('button', { name: 'Dossier personnel' }).click();
    await picker.getByRole('button', { name: `Ouvrir le dossier ${folder}` }).click();
    await expect(picker.getByText('notes.txt')).toHaveCount(0);
    await picker.getByRole('button', { name: `Choisir ${file}` }).click();
    await expect(picker).toBeHidden();
    await expect(this.page.getByRole('img', { name: 'Logo de la structure' })).toBeVisible();
  }

  async next() {
    await this.page.getByRole('button', { name: 'Suivant' }).click();
  }

  async addEmployer(data: EmployerData) {
    await this.page.getByRole('button', { name: 'Ajouter un employeur' }).click();
    const modal = this.page.getByRole('dialog', { name: 'Nouvel employeur' });
    await modal.getByLabel('Nom de l’employeur').fill(data.name);
    await modal.getByRole('textbox', { name: 'Adresse', exact: true }).fill(data.address);
    await modal.getByLabel('Code postal').fill(data.postcode);
    await modal.getByLabel('Commune').fill(data.town);
    await modal.getByLabel('SIRET').fill(data.siret);
    await modal.getByLabel('E-mail du service paie').fill(data.payrollEmail);
    await modal.getByRole('combobox', { name: 'Convention collective' }).click();
    await this.page.getByRole('option', { name: data.collectiveAgreement }).click();
    await modal.getByRole('textbox', { name: 'Caisse de retraite complémentaire', exact: true }).fill(data.pensionFund);
    await modal.getByLabel('Adresse de la caisse de retraite').fill(data.pensionFundAddress);
    await modal.getByRole('textbox', { name: 'Organisme de prévoyance', exact: true }).fill(data.providentBody);
    await modal.getByLabel('Adresse de l’organisme de prévoyance').fill(data.providentBodyAddress);
    await modal.getByLabel('Nom du signataire').fill(data.signatoryName);
    await modal.getByLabel('Qualité du signataire').fill(data.signatoryTitle);
    await modal.getByRole('button', { name: 'Enregistrer l’employeur' }).click();
    await expect(modal).toBeHidden();
  }

  async setHours(hours: { morningStart: string; morningEnd: string; afternoonStart: string; afternoonEnd: string }) {
    const starts = this.page.getByLabel('Début');
    const ends = this.page.getByLabel('Fin');
    await starts.nth(0).fill(hours.morningStart);
    await ends.nth(0).fill(hours.morningEnd);
    await starts.nth(1).fill(hours.afternoonStart);
    await ends.nth(1).fill(hours.afternoonEnd);
  }

  async addWageRate(date: string, euros: string) {
    await this.page.getByLabel('Nouveau taux à partir du').fill(date);
    await this.page.getByLabel('Taux horaire brut').fill(euros);
    await this.page.getByRole('button', { name: 'Ajouter ce taux' }).click();
  }

  async createAdministrator(displayName: string, password: string) {
    await this.page.getByLabel('Votre nom').fill(displayName);
    await this.page.getByLabel(/^Mot de passe/).fill(password);
    await this.page.getByLabel('Confirmer le mot de passe').fill(password);
  }

  async finish() {
    await this.page.getByRole('button', { name: 'Terminer la configuration' }).click();
  }
}
