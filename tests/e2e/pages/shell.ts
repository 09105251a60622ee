import type { Locator, Page } from '@playwright/test';

export class ShellPage {
  constructor(readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Navigation principale' });
  }

  async openUserMenu() {
    await this.page.getByRole('button', { name: 'Mon compte' }).click();
  }

  async switchUser() {
    await this.openUserMenu();
    await this.page.getByRole('menuitem', { name: 'Changer d’utilisateur' }).click();
  }

  async navigationLabels(): Promise<string[]> {
    return this.navigation.getByRole('link').allInnerTexts();
  }

  async goTo(label: string) {
    await this.navigation.getByRole('link', { name: label }).click();
  }
}
