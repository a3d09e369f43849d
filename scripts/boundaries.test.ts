import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The import boundaries of src/ (lib → components → features → routes → app, no feature into
// another) are lint rules in .oxlintrc.json. Here the real config lints planted files in a scratch
// copy of the layout: each forbidden import must be reported, each allowed one must not.

const root = fileURLToPath(new URL('..', import.meta.url));
const oxlint = join(root, 'node_modules/.bin/oxlint');
const features = readdirSync(join(root, 'src/features'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const BOUNDARY_RULES = ['eslint(no-restricted-imports)', 'import(no-relative-parent-imports)'];

/** A file that only imports `specifier`, in the given form. */
const importing = (specifier: string, form: 'import' | 'type' | 'dynamic' | 'reexport' = 'import') =>
  ({
    import: `import * as m from '${specifier}';\nexport default m;\n`,
    type: `import type { T } from '${specifier}';\nexport type U = T;\n`,
    dynamic: `export const load = () => import('${specifier}');\n`,
    reexport: `export * from '${specifier}';\n`,
  })[form];

type Case = { name: string; file: string; source: string };

const forbidden: (Case & { says: RegExp })[] = [
  { name: 'a feature imports another', file: 'src/features/users/components/a.tsx', source: importing('@/features/groups/api/keys'), says: /feature imports only lib/ },
  { name: 'a feature imports another by a relative path', file: 'src/features/users/components/b.tsx', source: importing('../../groups/api/keys'), says: /climbs two folders/ },
  { name: 'a feature imports another with ../ from its top folder', file: 'src/features/command-palette/c.ts', source: importing('../users/api/keys'), says: /from parent directories/ },
  { name: 'a feature re-exports another', file: 'src/features/friends/api/d.ts', source: importing('@/features/blocks/api/keys', 'reexport'), says: /feature imports only lib/ },
  { name: 'a feature imports a route', file: 'src/features/groups/components/e.tsx', source: importing('@/routes/-components/page-title'), says: /feature imports only lib/ },
  { name: 'lib imports a feature', file: 'src/lib/query/f.ts', source: importing('@/features/users/api/keys'), says: /bottom layer/ },
  { name: 'lib imports a feature by a relative path', file: 'src/lib/query/g.ts', source: importing('../../features/users/api/keys'), says: /climbs two folders/ },
  { name: 'lib imports a feature with ../ from its top folder', file: 'src/lib/h.ts', source: importing('../features/users/api/keys'), says: /from parent directories/ },
  { name: 'lib imports a component', file: 'src/lib/session/i.tsx', source: importing('@/components/user-link/user-link'), says: /bottom layer/ },
  { name: 'lib imports the route tree, for its types', file: 'src/lib/query/j.ts', source: importing('@/routeTree.gen', 'type'), says: /bottom layer/ },
  { name: 'lib imports a shared hook', file: 'src/lib/query/h2.ts', source: importing('@/hooks/use-now'), says: /bottom layer/ },
  { name: 'a shared hook imports a component', file: 'src/hooks/h3.ts', source: importing('@/components/data-table/data-table'), says: /hooks\/ are shared/ },
  { name: 'a shared hook imports a feature', file: 'src/hooks/h4.ts', source: importing('@/features/users/api/keys'), says: /hooks\/ are shared/ },
  { name: 'a component imports a feature', file: 'src/components/user-link/k.tsx', source: importing('@/features/users/components/users-table'), says: /shared by every feature/ },
  { name: 'a component loads a feature lazily', file: 'src/components/data-table/l.tsx', source: importing('@/features/users/api/keys', 'dynamic'), says: /shared by every feature/ },
  { name: 'a component imports a route', file: 'src/components/data-table/m.tsx', source: importing('@/routes/-components/router-anchor'), says: /shared by every feature/ },
  { name: 'a component imports a route by a relative path', file: 'src/components/data-table/n.tsx', source: importing('../../routes/-components/router-anchor'), says: /climbs two folders/ },
  { name: 'a route imports app/', file: 'src/routes/$app/o.tsx', source: importing('@/app/router'), says: /never import app/ },
  { name: 'a route imports app/ with ../ from its top folder', file: 'src/routes/p.tsx', source: importing('../app/router'), says: /from parent directories/ },
  // The emulator rule must survive the per-folder overrides, which replace one another's options.
  ...['src/lib/q.ts', 'src/hooks/q.ts', 'src/components/data-table/q.tsx', 'src/features/users/q.ts', 'src/routes/q.tsx', 'src/app/q.tsx'].map((file) => ({
    name: `${file.split('/')[1]} imports the emulator`,
    file,
    source: importing('emulator/src/app'),
    says: /must not import the emulator/,
  })),
  // Every feature folder, including ones added after this test: each needs its own override.
  ...features.map((feature) => ({
    name: `feature ${feature} imports another feature`,
    file: `src/features/${feature}/components/r.tsx`,
    source: importing(`@/features/${features.find((f) => f !== feature)}/api/keys`),
    says: /feature imports only lib/,
  })),
];

const allowed: Case[] = [
  {
    name: 'a feature imports lib, components and itself',
    file: 'src/features/users/components/ok.tsx',
    source: [
      "import { UserLink } from '@/components/user-link/user-link';",
      "import { imKeys } from '@/lib/query/im-keys';",
      "import { userKeys } from '@/features/users/api/keys';",
      "import { deleteUser } from '../api/delete-user';",
      "import { confirmBan } from './confirm-ban';",
      "import { useState } from 'react';",
      'export default [UserLink, imKeys, userKeys, deleteUser, confirmBan, useState];',
    ].join('\n'),
  },
  {
    name: 'a route imports features, components, lib and routes',
    file: 'src/routes/$app/users/ok.tsx',
    source: [
      "import { UsersTable } from '@/features/users/components/users-table';",
      "import { GroupMembersTable } from '@/features/groups/components/group-members-table';",
      "import { DataTable } from '@/components/data-table/data-table';",
      "import { PageTitle } from '@/routes/-components/page-title';",
      "import { http } from '@/lib/api-client/http';",
      "import { UserTabs } from './-components/user-tabs';",
      'export default [UsersTable, GroupMembersTable, DataTable, PageTitle, http, UserTabs];',
    ].join('\n'),
  },
  {
    name: 'app imports routes and the route tree',
    file: 'src/app/ok.tsx',
    source: "import { NotFound } from '@/routes/-components/not-found';\nimport { routeTree } from '@/routeTree.gen';\nexport default [NotFound, routeTree];\n",
  },
  {
    name: 'testing imports any layer',
    file: 'src/testing/ok.tsx',
    source: "import { theme } from '@/app/theme';\nimport { userKeys } from '@/features/users/api/keys';\nexport default [theme, userKeys];\n",
  },
  // Component tests run the emulator in process as the console's IM host, through testing/.
  { name: 'testing imports the emulator', file: 'src/testing/ok-emulator.ts', source: importing('../../emulator/src/testing/in-process') },
  { name: 'lib imports lib one folder up', file: 'src/lib/i18n/sections/zh-cn/ok.ts', source: importing('../en/users-list') },
  { name: 'a component imports another component', file: 'src/components/user-link/ok.tsx', source: importing('../data-table/data-table') },
];

let scratch: string;
let reported: Map<string, { code: string; text: string }[]>;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'boundaries-'));
  copyFileSync(join(root, '.oxlintrc.json'), join(scratch, '.oxlintrc.json'));
  for (const { file, source } of [...forbidden, ...allowed]) {
    mkdirSync(join(scratch, dirname(file)), { recursive: true });
    writeFileSync(join(scratch, file), source);
  }
  // oxlint exits 1 when it reports errors: that is the expected outcome, not a failure to run.
  const { stdout } = await promisify(execFile)(oxlint, ['-c', '.oxlintrc.json', '--format', 'json', 'src'], { cwd: scratch }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const { diagnostics } = JSON.parse(stdout) as { diagnostics: { filename: string; code: string; help?: string; message: string }[] };
  reported = new Map();
  for (const d of diagnostics) {
    const list = reported.get(d.filename) ?? [];
    list.push({ code: d.code, text: `${d.message} ${d.help ?? ''}` });
    reported.set(d.filename, list);
  }
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('import boundaries (.oxlintrc.json)', () => {
  it.each(forbidden)('reports: $name', ({ file, says }) => {
    const found = (reported.get(file) ?? []).filter((d) => BOUNDARY_RULES.includes(d.code));
    expect(found.map((d) => d.text)).toContainEqual(expect.stringMatching(says));
  });

  it.each(allowed)('allows: $name', ({ file }) => {
    expect(reported.get(file) ?? []).toEqual([]);
  });
});
