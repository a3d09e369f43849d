import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './support/axe';
import { expect, test, unique } from './support/emulator';

test.use({ locale: 'en-US' });

/** CSV records after the header, quotes respected (a quoted field may hold a line break). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

test('register one user through the form, then open their page', async ({ page, emu }) => {
  const username = unique('e2e-one');
  await page.goto('/demo/users');
  await page.getByRole('link', { name: 'Register users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register users' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Register one user', selected: true })).toBeVisible();

  const form = page.getByRole('form', { name: 'Register one user' });
  const fields = {
    username: form.getByLabel(/^Username/),
    password: form.getByLabel(/^Password/),
    repeat: form.getByLabel(/^Repeat the password/),
    nickname: form.getByLabel(/^Nickname/),
  };
  // Capitals are accepted and stored in lower case; the form says so as you type.
  await fields.username.fill(username.toUpperCase());
  await expect(form.getByText(`Will be stored as “${username}”`)).toBeVisible();
  await fields.password.fill('e2e-pass-1');
  await fields.repeat.fill('e2e-pass-2');
  await expect(form.getByText('The two passwords differ.')).toBeVisible();
  await fields.repeat.fill('e2e-pass-1');
  await fields.nickname.fill('端到端 One');
  await form.getByRole('button', { name: 'Register' }).click();

  await expect(page.getByText(`Registered user ${username}.`)).toBeVisible();
  expect((await emu.user(username)).nickname).toBe('端到端 One');
  await expect(fields.username).toHaveValue('');
  await expect(fields.password).toHaveValue('');
  await form.getByRole('status').getByRole('link', { name: username }).click();
  await expect(page).toHaveURL(new RegExp(`/demo/users/${username}`));
  await expect(page.getByRole('heading', { level: 1, name: username })).toBeVisible();
  await expect(page.getByText('端到端 One').first()).toBeVisible();

  // The same name again: refused with the reason, and what was typed stays.
  await page.goBack();
  await fields.username.fill(username);
  await fields.password.fill('x');
  await fields.repeat.fill('x');
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByRole('alert')).toContainText(`A user called ${username} already exists.`);
  await expect(fields.username).toHaveValue(username);
  await expect(fields.password).toHaveValue('x');
});

test('register five users from a CSV file: a bad row is refused in the preview, an existing name by the service', async ({ page, emu }) => {
  const base = unique('e2e-csv');
  const [a, b, c] = [`${base}-a`, `${base}-b`, `${base}-c`];
  const csv = `\ufeffUsername,Password,Nickname\r\n${a},pw-a,小明\r\n${b},pw-b,"Smith, Jo"\r\nbad name!,pw-x,x\r\ncarol,pw-c,Carol again\r\n${c.toUpperCase()},pw-c,\r\n`;

  await page.goto('/demo/register?mode=many');
  await expect(page.getByRole('tab', { name: 'Register many (CSV)', selected: true })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name: 'new-users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByText('Reading new-users.csv')).toBeVisible();
  await expect(page.getByText('5 rows: 4 ready, 1 with problems.')).toBeVisible();

  const preview = page.getByRole('table', { name: 'Users to register' });
  await expect(preview.getByRole('row', { name: /小明/ })).toContainText('Ready');
  await expect(preview.getByRole('row', { name: /bad name!/ })).toContainText('Username may only contain');
  // Passwords are never shown.
  await expect(preview).not.toContainText('pw-a');
  await expectNoAxeViolations(page, { include: page.getByRole('tabpanel', { name: 'Register many (CSV)' }) });

  await page.getByRole('button', { name: 'Register 4 users…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register users' });
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText('Register 4 users in app demo.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(dialog.getByText('3 succeeded, 1 failed, 0 skipped', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /carol Failed the carol already exists/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  await expect(preview.getByRole('row', { name: /carol/ })).toContainText('Refused');
  await expect(preview.getByRole('link', { name: a })).toBeVisible();

  expect((await emu.user(a)).nickname).toBe('小明');
  expect((await emu.user(b)).nickname).toBe('Smith, Jo');
  expect((await emu.user(c)).username).toBe(c);
  // The demo carol was not replaced.
  expect((await emu.user('carol')).nickname).not.toBe('Carol again');
});

test('export all users to CSV from the users list', async ({ page, emu }) => {
  await page.goto('/demo/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

  const before = await emu.userCount();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export all users (CSV)…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export all users' });
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  const download = await downloading;
  const after = await emu.userCount();
  // Other specs may create users meanwhile when run in parallel locally.
  expect(after, 'users were created or deleted during the export: run again').toBe(before);

  expect(download.suggestedFilename()).toMatch(/^users-demo-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = csvRecords(bytes.subarray(3).toString('utf8'));
  expect(records[0]).toEqual(['username', 'nickname', 'activated', 'created', 'modified', 'uuid']);
  expect(records.length - 1).toBe(before);
  const alice = records.find((r) => r[0] === 'alice')!;
  expect(alice[3]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(records.find((r) => r[0] === 'mallory')![2]).toBe('false');
  await expect(dialog.getByText(`Exported ${before} users to ${download.suggestedFilename()}.`)).toBeVisible();
});
