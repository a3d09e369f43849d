import { expectNoAxeViolations } from './support/axe';
import { expect, test, unique } from './support/emulator';

test.use({ locale: 'en-US' });

// Support staff untangle who is friends with whom and who blocked whom, under both path schemes:
// `demo` is the Easemob scheme (/{org}/{app}), `demo-agora` the Agora Chat one (/app-id/{id});
// both reach one database. Read-only on alice and bob; changes only on frank (demo), trent
// (demo-agora) and users the tests create.

const SCHEMES = [
  { app: 'demo', owner: 'frank' },
  { app: 'demo-agora', owner: 'trent' },
] as const;

for (const { app, owner } of SCHEMES) {
  test.describe(`friends and blacklists on ${app}`, () => {
    test("alice's 320 friends page by page with remarks and back, then all at once with a filter", async ({ page }) => {
      await page.goto(`/${app}/users/alice/friends?limit=50`);
      const table = page.getByRole('table', { name: 'Friends of alice' });
      await expect(table.getByRole('row')).toHaveCount(51);
      // Some demo friendships carry remarks; the list asks for them.
      await expect(table.getByRole('button', { name: /^Edit the remark for/ })).toHaveCount(50);
      await expect(table).toContainText(/同事|大学同学|Gym buddy|客户|Neighbour|表哥|Team lead|老乡|Book club|室友/);
      const first = await table.getByRole('row').nth(1).getByRole('cell').first().textContent();
      // The section just loaded (the shell around it is accessibility.spec.ts's).
      await expectNoAxeViolations(page, { include: 'main' });

      const seen = new Set<string>();
      let onPage: string[] = [];
      for (let p = 1; p <= 7; p++) {
        await expect(page.getByText(`Page ${p}`, { exact: true })).toBeVisible();
        // The page before stays in view (the number already new) until this one has arrived.
        if (p > 1) await expect(table.getByRole('link').first()).not.toHaveText(onPage[0]!);
        onPage = await table.getByRole('link').allTextContents();
        for (const link of onPage) seen.add(link);
        if (p < 7) await page.getByRole('button', { name: 'Next page' }).click();
      }
      await expect(table.getByRole('row')).toHaveCount(21);
      await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
      expect(seen.size).toBe(320);

      // Back through the history, then with the button, to the first page.
      await page.goBack();
      await expect(page.getByText('Page 6', { exact: true })).toBeVisible();
      await page.reload();
      await expect(page.getByText('Page 6', { exact: true })).toBeVisible();
      for (let p = 6; p > 1; p--) await page.getByRole('button', { name: 'Previous page' }).click();
      await expect(page.getByText('Page 1', { exact: true })).toBeVisible();
      await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(first!);
      await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();

      // Every friend in one list: virtualised past 100 rows, filtered in the browser.
      await page.getByText('All at once').click();
      await expect(page).toHaveURL(/view=all/);
      const all = page.getByRole('table', { name: 'All friends of alice' });
      await expect(all).toHaveAttribute('aria-rowcount', '321');
      expect(await all.getByRole('row').count()).toBeLessThan(100);
      await expect(page.getByText('alice has 320 friends.')).toBeVisible();
      const one = [...seen].sort()[0]!;
      await page.getByRole('searchbox', { name: 'Filter by username' }).fill(one);
      await expect(all.getByRole('link', { name: one, exact: true })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`q=${one}`));
      await expectNoAxeViolations(page, { include: [all, page.getByRole('searchbox', { name: 'Filter by username' })] });
      await all.getByRole('link', { name: one, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: one })).toBeVisible();
    });

    test(`${owner} gets a friend, a remark in Chinese, and loses the friend again`, async ({ page, emu }) => {
      const friend = unique('e2e-f1-pal');
      await emu.register([friend]);
      await page.goto(`/${app}/users/${owner}/friends?limit=50`);
      const table = page.getByRole('table', { name: `Friends of ${owner}` });
      await expect(table.getByRole('row').nth(1)).toBeVisible();

      await page.getByRole('textbox', { name: 'Add a friend' }).fill(friend);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: `${friend} and ${owner} are now friends.` })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Add a friend' })).toHaveValue('');
      expect(await emu.friends(friend)).toEqual([owner]);

      // Newest friends come last: all at once shows the new one without paging.
      await page.getByText('All at once').click();
      await page.getByRole('searchbox', { name: 'Filter by username' }).fill(friend);
      await expect(page.getByRole('table', { name: `All friends of ${owner}` }).getByRole('link', { name: friend })).toBeVisible();
      await page.getByText('Page by page, with remarks').click();
      while (await page.getByRole('button', { name: 'Next page' }).isEnabled()) await page.getByRole('button', { name: 'Next page' }).click();
      const row = table.getByRole('row', { name: new RegExp(friend) });
      await expect(row).toBeVisible();

      // Checked before sending: 101 characters.
      const puts: string[] = [];
      page.on('request', (r) => r.method() === 'PUT' && puts.push(r.url()));
      await row.getByRole('button', { name: `Edit the remark for ${friend}` }).click();
      const field = row.getByRole('textbox', { name: `Remark for ${friend}` });
      await expect(field).toBeFocused();
      await field.fill('备'.repeat(101));
      await expect(row.getByText('At most 100 characters: this remark has 101.')).toBeVisible();
      await expect(row.getByRole('button', { name: 'Save' })).toBeDisabled();
      expect(puts).toEqual([]);
      await field.fill('大学同学 小王');
      await row.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('alert').filter({ hasText: `Remark for ${friend} set to “大学同学 小王”.` })).toBeVisible();
      await expect(row).toContainText('大学同学 小王');
      await expect(row.getByRole('button', { name: `Edit the remark for ${friend}` })).toBeFocused();
      expect(puts).toHaveLength(1);
      expect(puts[0]).toContain(`/user/${owner}/contacts/users/${friend}`);

      // The friendship ends elsewhere: the service's "not friends" is said plainly, the draft stays.
      await emu.unfriend(friend, owner);
      await row.getByRole('button', { name: `Edit the remark for ${friend}` }).click();
      await field.fill('同事');
      await row.getByRole('button', { name: 'Save' }).click();
      await expect(row.getByText(`${owner} and ${friend} are not friends (any more)`, { exact: false })).toBeVisible();
      await expect(row).toContainText('updateRemark they are not friends, please add as a friend first.');
      await expect(field).toHaveValue('同事');
      await expectNoAxeViolations(page, { include: row });
      await row.getByRole('button', { name: 'Cancel' }).click();

      await emu.befriend(owner, friend);
      await page.reload();
      await row.getByRole('button', { name: `Remove ${friend} from the friends` }).click();
      const dialog = page.getByRole('dialog', { name: `Remove ${friend} as a friend?` });
      await expect(dialog).toContainText(`${owner} and ${friend} stop being friends, on both sides`);
      await dialog.getByRole('button', { name: 'Remove' }).click();
      await expect(page.getByRole('alert').filter({ hasText: `${friend} and ${owner} are no longer friends.` })).toBeVisible();
      await expect(row).toHaveCount(0);
      expect(await emu.friends(friend)).toEqual([]);
    });

    test(`25 names imported into ${owner}'s friends, 10 per call, make one report`, async ({ page, emu }) => {
      const tag = unique('e2e-f1-imp');
      const real = Array.from({ length: 20 }, (_, i) => `${tag}-${i}`);
      const ghosts = Array.from({ length: 5 }, (_, i) => `${tag}-ghost-${i}`);
      await emu.register(real);
      const imports: string[] = [];
      page.on('request', (r) => r.url().includes('/contacts/import') && imports.push(r.url()));

      await page.goto(`/${app}/users/${owner}/friends`);
      await page.getByRole('button', { name: 'Import friends…' }).click();
      const dialog = page.getByRole('dialog', { name: `Import friends for ${owner}` });
      // CSV text with a header: only the username column is read.
      const csv = ['remark,username', ...[...real.slice(0, 12), ...ghosts, ...real.slice(12)].map((u, i) => `"同事, ${i}",${u}`)].join('\n');
      await dialog.getByRole('textbox', { name: 'Names' }).fill(csv);
      await expect(dialog.getByText('25 names will be sent in 3 calls of at most 10')).toBeVisible();
      await dialog.getByRole('checkbox', { name: 'Notify the users’ apps' }).check();
      await dialog.getByRole('button', { name: 'Review' }).click();
      await expect(dialog.getByText(`Make 25 users friends of ${owner}. Friendship is mutual. Their apps are notified.`)).toBeVisible();
      await dialog.getByRole('button', { name: 'Import' }).click();

      await expect(dialog.getByText('20 succeeded, 5 failed, 0 skipped', { exact: true })).toBeVisible();
      for (const g of ghosts) await expect(dialog.getByRole('row', { name: new RegExp(`^${g} Failed No such user`) })).toBeVisible();
      await expect(dialog.getByRole('row', { name: new RegExp(`^${real[0]} Succeeded`) })).toBeVisible();
      expect(imports).toHaveLength(3);
      for (const url of imports) expect(url).toContain('isSendNotice=true');
      await expectNoAxeViolations(page, { include: dialog });
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();

      await expect(page.getByText('25 names: 20 added, 5 not existing, 0 over a friend limit, 0 failed, 0 not reported.')).toBeVisible();
      const friends = await emu.friends(owner);
      for (const u of real) expect(friends).toContain(u);
      expect(await emu.friends(real[19]!)).toEqual([owner]);
    });

    test("bob's blacklist of 130 pages past 50 and back, marks friends, and checks the cap of 500 before sending", async ({ page }) => {
      await page.goto(`/${app}/users/bob/blacklist?limit=50`);
      const table = page.getByRole('table', { name: 'Users bob has blocked' });
      await expect(page.getByText('bob has blocked 130 users (at most 500).')).toBeVisible();
      await expect(table.getByRole('row')).toHaveCount(51);
      const first = await table.getByRole('row').nth(1).getByRole('link').textContent();
      await expect(table.getByRole('cell', { name: /^(Still a friend|Not a friend)$/ })).toHaveCount(50);
      await expectNoAxeViolations(page, { include: 'main' });
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect(page.getByText('Page 2', { exact: true })).toBeVisible();
      await expect(table.getByRole('row')).toHaveCount(51);
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect(table.getByRole('row')).toHaveCount(31);
      await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
      await page.goBack();
      await page.goBack();
      await expect(page.getByText('Page 1', { exact: true })).toBeVisible();
      await expect(table.getByRole('row').nth(1).getByRole('link')).toHaveText(first!);

      // 371 more would make 501: refused before anything is sent.
      const posts: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && r.url().includes('/blocks/') && posts.push(r.url()));
      await page.getByRole('button', { name: 'Block users…', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Block users for bob' });
      await dialog.getByRole('textbox', { name: 'Usernames' }).fill(Array.from({ length: 371 }, (_, i) => `nobody-${i}`).join('\n'));
      await expect(dialog.getByText('bob has blocked 130 users; 371 more would make more than 500. Remove 1 name, or unblock some users first.')).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Block 371 users' })).toBeDisabled();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(posts).toEqual([]);
    });

    test('three users blocked at once, one still a friend, then the selection unblocked', async ({ page, emu }) => {
      const tag = unique('e2e-f1-blk');
      const [blocker, ...targets] = [`${tag}-o`, `${tag}-a`, `${tag}-b`, `${tag}-c`];
      await emu.register([blocker!, ...targets]);
      await emu.befriend(blocker!, targets[0]!);

      await page.goto(`/${app}/users/${blocker}/blacklist`);
      await expect(page.getByText(`${blocker} has blocked no one`)).toBeVisible();
      await page.getByRole('button', { name: 'Block users…', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Block users for ${blocker}` });
      await dialog.getByRole('textbox', { name: 'Usernames' }).fill(targets.join(', '));
      await expect(dialog.getByText('3 new, 0 already blocked: the list will hold 3 of at most 500.')).toBeVisible();
      await dialog.getByRole('button', { name: 'Block 3 users' }).click();
      await expect(page.getByRole('alert').filter({ hasText: `${blocker} blocked 3 users.` })).toBeVisible();
      await expect(dialog).toBeHidden();

      const table = page.getByRole('table', { name: `Users ${blocker} has blocked` });
      await expect(table.getByRole('row')).toHaveCount(4);
      // Blocking does not end the friendship.
      await expect(table.getByRole('row', { name: new RegExp(targets[0]!) })).toContainText('Still a friend');
      await expect(table.getByRole('row', { name: new RegExp(targets[1]!) })).toContainText('Not a friend');
      expect((await emu.blocks(blocker!)).sort()).toEqual([...targets].sort());
      expect(await emu.friends(blocker!)).toEqual([targets[0]]);

      await table.getByRole('checkbox', { name: 'Select all rows on this page' }).check();
      await page.getByRole('button', { name: 'Unblock 3 selected' }).click();
      const bulk = page.getByRole('dialog', { name: `Unblock users for ${blocker}` });
      await bulk.getByRole('button', { name: 'Review' }).click();
      await bulk.getByRole('button', { name: 'Unblock' }).click();
      await expect(bulk.getByText('3 succeeded, 0 failed, 0 skipped', { exact: true })).toBeVisible();
      for (const u of targets) await expect(bulk.getByRole('row', { name: new RegExp(`^${u} Succeeded`) })).toBeVisible();
      await expectNoAxeViolations(page, { include: bulk });
      await bulk.getByRole('button', { name: 'Close', exact: true }).click();
      await expect(page.getByText(`${blocker} has blocked no one`)).toBeVisible();
      expect(await emu.blocks(blocker!)).toEqual([]);
      expect(await emu.friends(blocker!)).toEqual([targets[0]]);
    });
  });
}
