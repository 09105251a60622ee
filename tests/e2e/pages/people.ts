import { expect, type Locator, type Page } from '@playwright/test';

export interface NewPerson {
  lastName: string;
  firstNames: string;
  birthDate: string;
  sex: 'Femme' | 'Homme';
  town: string;
  prescriber?: string;
  referent?: string;
  resources: string;
  educationLevel: string;
}

async function choose(page: Page, scope: Locator, label: RegExp, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** The people list, the new-person form and a person's page. */
export class PeoplePage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Personnes' });
  }

  async search(text: string) {
    await this.page.getByLabel('Rechercher').fill(text);
  }

  async fillNewPerson(data: NewPerson) {
    const p = this.page;
    await p.getByRole('link', { name: 'Nouvelle personne' }).click();
    await p
      .getByLabel(/^Nom$|^Nom \*/)
      .first()
      .fill(data.lastName);
    await p.getByLabel(/^Prénom\(s\)/).fill(data.firstNames);
    await p.getByLabel(/^Date de naissance/).fill(data.birthDate);
    await choose(p, p.locator('body'), /^Sexe/, data.sex);
    await p.getByLabel(/^Commune/).fill(data.town);
    if (data.prescriber) await choose(p, p.locator('body'), /^Prescripteur/, data.prescriber);
    if (data.referent) await choose(p, p.locator('body'), /^Référent social/, data.referent);
    await choose(p, p.locator('body'), /^Ressources/, data.resources);
    await choose(p, p.locator('body'), /^Niveau de formation/, data.educationLevel);
  }

  async create() {
    await this.page.getByRole('button', { name: 'Créer la fiche' }).click();
  }

  async expectRecord(title: string) {
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
}
