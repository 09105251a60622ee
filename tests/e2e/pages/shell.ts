import type { Locator, Page } from '@playwright/test';

export class ShellPage {
  constructor(readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Navigation principale' });
  }

  async goTo(label: string) {
    await this.navigation.getByRole('link', { name: label }).click();
  }
}
