import { COLLEAGUE_PASSWORD, expect, test } from './fixtures';
import { LoginPage } from './pages/login';
import { ShellPage } from './pages/shell';
import { admitPeople, caller, MESP_CONTRACT, mespWorksite, socialWorkerCard } from './seed';

test("la travailleuse sociale ouvre un chantier : elle n'y voit que la personne qu'elle suit, ses heures, et rien de sa voisine", async ({
  page,
  app,
}) => {
  const admin = await app.seed();
  await app.addAccount(admin, 'Soizic Le Roux', 'travailleur_social');
  const call = caller(app.services, admin);
  const card = await socialWorkerCard(app.services, admin, 'Soizic Le Roux');
  await admitPeople(app.services, admin, ['Élodie', 'Inès']);
  const { rows } = await call('people/search', { status: 'admise' });
  const elodie = rows.find((r: { firstNames: string }) => r.firstNames === 'Élodie');
  await app.services.db.updateTable('persons').set({ referentId: card.id }).where('id', '=', elodie.id).execute();
  const worksiteId = await mespWorksite(app.services, admin);
  for (const person of rows)
    await call('worksites/addParticipant', {
      id: worksiteId,
      personId: person.id,
      contract: MESP_CONTRACT,
      confirmWarnings: true,
    });

  await page.clock.install({ time: new Date('2026-05-20T10:00:00+02:00') });
  await app.open(page);
  await new LoginPage(page).signIn('Soizic Le Roux', COLLEAGUE_PASSWORD);
  await new ShellPage(page).goTo('Chantiers');
  await page.getByRole('link', { name: 'Menuiserie du port' }).click();
  await expect(page.getByRole('heading', { name: 'Participants que vous suivez (1)' })).toBeVisible();
  const participants = page.getByRole('table', { name: 'Participants' });
  await expect(participants.getByText('Élodie Participant')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Heures et présence' }).getByText('Élodie Participant')).toBeVisible();
  await expect(page.getByText('Total des personnes que vous suivez')).toBeVisible();
  await expect(page.getByText('Inès Participant')).toHaveCount(0);
  await app.screenshot(page, 'scope-01-chantier-vu-par-la-travailleuse-sociale');
});
