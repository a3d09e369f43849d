import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import GroupMembersModerate, { type ModerationKind } from './group-members-moderate';

// The dialog against a small in-memory group behind the real HTTP client: the calls go out as they
// would to the IM API, and the group's state afterwards is what is checked.
const api = vi.hoisted(() => ({ handle: (_req: Request): Response | Promise<Response> => new Response('{}'), requests: [] as { method: string; path: string; body: string }[] }));
vi.mock('@/lib/api-client/http', async (importOriginal) => {
  const m = await importOriginal<typeof import('@/lib/api-client/http')>();
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    api.requests.push({ method: req.method, path: decodeURIComponent(url.pathname), body: await req.clone().text() });
    return api.handle(req);
  };
  return { ...m, http: m.createHttp({ prefixUrl: 'http://console.test/', fetch: fake as typeof fetch, retry: { limit: 0 } }) };
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refuse = (description: string, error = 'forbidden_op') => json({ error, error_description: description }, 403);
const HOUR = 3_600_000;

type Group = {
  members: Set<string>;
  admins: Set<string>;
  whitelist: Set<string>;
  mutes: Map<string, number>;
  attributes: Map<string, Record<string, string>>;
  blocks: Set<string>;
};

function serve(init: Partial<Omit<Group, 'members'>> & { members: string[] }) {
  const g: Group = {
    admins: new Set(),
    whitelist: new Set(),
    mutes: new Map(),
    attributes: new Map(),
    blocks: new Set(),
    ...init,
    members: new Set(init.members),
  };
  const leave = (n: string) => {
    g.members.delete(n);
    g.admins.delete(n);
    g.whitelist.delete(n);
    g.mutes.delete(n);
    g.attributes.delete(n);
  };
  const names = (rest: string) => rest.split(',');
  api.handle = async (req) => {
    const path = decodeURIComponent(new URL(req.url).pathname).replace('/im/demo/', '');
    const text = await req.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const m = (re: RegExp) => path.match(re);
    let r: RegExpMatchArray | null;
    if (req.method === 'GET' && path === 'chatgroups/42/admin') return json({ data: [...g.admins] });
    if (req.method === 'GET' && path === 'chatgroups/42/white/users') return json({ data: [...g.whitelist] });
    if (req.method === 'GET' && path === 'chatgroups/42/mute') return json({ data: [...g.mutes].map(([user, expire]) => ({ user, expire })) });
    if (req.method === 'POST' && path === 'metadata/chatgroup/42/get') {
      const { targets } = body as { targets: string[] };
      return json({ data: Object.fromEntries(targets.filter((n) => g.members.has(n)).map((n) => [n, g.attributes.get(n) ?? {}])) });
    }
    if (req.method === 'POST' && path === 'chatgroups/42/mute') {
      const { usernames, mute_duration } = body as { usernames: string[]; mute_duration: number };
      const expire = mute_duration === -1 ? -1 : Date.now() + mute_duration;
      return json({ data: usernames.map((user) => (g.members.has(user) ? (g.mutes.set(user, expire), { result: true, expire, user }) : { result: false, reason: 'not a member', user })) });
    }
    if (req.method === 'DELETE' && (r = m(/^chatgroups\/42\/mute\/(.+)$/))) return json({ data: names(r[1]!).map((user) => ({ result: g.mutes.delete(user), user })) });
    if (req.method === 'DELETE' && (r = m(/^chatgroups\/42\/users\/(.+)$/))) {
      const out = names(r[1]!).map((user) => (g.members.has(user) ? (leave(user), { result: true, action: 'remove_member', user }) : { result: false, reason: 'not a member', user }));
      return json({ data: out.length === 1 ? out[0] : out });
    }
    if (req.method === 'POST' && path === 'chatgroups/42/blocks/users') {
      const { usernames } = body as { usernames: string[] };
      return json({ data: usernames.map((user) => (leave(user), g.blocks.add(user), { result: true, user })) });
    }
    if (req.method === 'DELETE' && (r = m(/^chatgroups\/42\/blocks\/users\/(.+)$/))) {
      const out = names(r[1]!).map((user) => ({ result: g.blocks.delete(user), user }));
      return json({ data: out.length === 1 ? out[0] : out });
    }
    if (req.method === 'POST' && path === 'chatgroups/42/users') {
      const joined = (body as { usernames: string[] }).usernames.filter((n) => !g.members.has(n) && !g.blocks.has(n));
      joined.forEach((n) => g.members.add(n));
      return joined.length > 0 ? json({ data: { newmembers: joined } }) : refuse('nobody could join');
    }
    if (req.method === 'POST' && (r = m(/^chatgroups\/42\/users\/(.+)$/))) {
      if (g.members.has(r[1]!)) return refuse(`user ${r[1]} already in group`);
      if (g.blocks.has(r[1]!)) return refuse(`user ${r[1]} is in blacklist`);
      g.members.add(r[1]!);
      return json({ data: { result: true, user: r[1] } });
    }
    if (req.method === 'POST' && path === 'chatgroups/42/admin') {
      const { newadmin } = body as { newadmin: string };
      if (g.admins.has(newadmin)) return refuse(`user: ${newadmin} is already admin of group`);
      g.admins.add(newadmin);
      return json({ data: { result: 'success', newadmin } });
    }
    if (req.method === 'DELETE' && (r = m(/^chatgroups\/42\/admin\/(.+)$/))) return g.admins.delete(r[1]!) ? json({ data: { result: 'success', oldadmin: r[1] } }) : refuse('not admin');
    if (req.method === 'POST' && path === 'chatgroups/42/white/users') {
      const { usernames } = body as { usernames: string[] };
      return json({ data: usernames.map((user) => (g.whitelist.add(user), { result: true, user })) });
    }
    if (req.method === 'DELETE' && (r = m(/^chatgroups\/42\/white\/users\/(.+)$/))) return json({ data: names(r[1]!).map((user) => ({ result: g.whitelist.delete(user), user })) });
    if (req.method === 'PUT' && (r = m(/^metadata\/chatgroup\/42\/user\/(.+)$/))) {
      const { metaData } = body as { metaData: Record<string, string> };
      g.attributes.set(r[1]!, { ...g.attributes.get(r[1]!), ...metaData });
      return json({ data: metaData });
    }
    return json({ error: 'not_found', error_description: `${req.method} ${path}` }, 404);
  };
  return g;
}

afterEach(() => {
  api.requests.length = 0;
});

const render = (kind: ModerationKind, selected: string[], onFinished = vi.fn()) =>
  renderWithProviders(<GroupMembersModerate app="demo" groupId="42" groupName="Hikers" owner="olivia" kind={kind} selected={selected} onClose={() => {}} onFinished={onFinished} />);
const changes = () => api.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/get'));

describe('GroupMembersModerate', () => {
  it('mutes the selection plus pasted names for the duration chosen in the dialog, and Undo gives back each one’s earlier state', async () => {
    const earlier = Date.now() + 5 * HOUR;
    const g = serve({ members: ['olivia', 'ann', 'bo', 'cy', 'dee'], mutes: new Map([['cy', earlier]]) });
    const onFinished = vi.fn();
    const { user } = render('mute', ['ann', 'bo'], onFinished);
    const dialog = screen.getByRole('dialog', { name: 'Mute members of Hikers' });
    expect(within(dialog).getByText('2 selected rows')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('textbox', { name: /More names/ }));
    await user.paste('cy dee olivia');
    expect(within(dialog).getByText('4 names will be sent in 1 call of at most 60')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: '1 hour' }));
    await user.click(within(dialog).getByRole('button', { name: 'Mute' }));
    await within(dialog).findByText('4 succeeded, 0 failed, 0 skipped');
    expect(JSON.parse(changes()[0]!.body)).toEqual({ usernames: ['ann', 'bo', 'cy', 'dee'], mute_duration: HOUR });
    expect(onFinished).toHaveBeenCalledOnce();

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(within(dialog).getByText('4 succeeded, 0 failed, 0 skipped')).toBeInTheDocument();
    // cy was muted for 5 hours before: that mute is back, not lifted.
    expect([...g.mutes.keys()]).toEqual(['cy']);
    expect(Math.abs(g.mutes.get('cy')! - earlier)).toBeLessThan(2_000);
    expect(within(dialog).getByRole('row', { name: /cy Succeeded Muted again as before this run \(\d+ h \d+ min left\)/ })).toBeInTheDocument();
  });

  it('removes three chosen members after one confirmation that lists what they lose, and Undo puts it all back', async () => {
    const until = Date.now() + 2 * HOUR;
    const g = serve({
      members: ['olivia', 'ann', 'bo', 'cy', 'dee'],
      admins: new Set(['ann']),
      whitelist: new Set(['ann']),
      mutes: new Map([
        ['ann', until],
        ['bo', -1],
      ]),
      attributes: new Map([['ann', { nickname: 'Annie', role: 'lead' }]]),
    });
    const { user } = render('remove', ['ann', 'bo', 'cy']);
    const dialog = screen.getByRole('dialog', { name: 'Remove members from Hikers' });
    // Opened on the confirmation, which lists the losses and asks nothing typed.
    expect(within(dialog).getByText('Remove 3 members from Hikers. Undo puts them back with what they had.')).toBeInTheDocument();
    expect(await within(dialog).findByText('What they lose in this group:')).toBeInTheDocument();
    expect(within(dialog).getByText('Admin role (1): ann')).toBeInTheDocument();
    expect(within(dialog).getByText('Whitelist entry (1): ann')).toBeInTheDocument();
    expect(within(dialog).getByText(/^Mute \(2\): ann \(\d h \d+ min left\), bo \(Permanent\)$/)).toBeInTheDocument();
    expect(within(dialog).getByText('Attributes (1 member): ann: nickname, role')).toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await within(dialog).findByText('3 succeeded, 0 failed, 0 skipped');
    expect([...g.members]).toEqual(['olivia', 'dee']);
    expect(g.admins.size + g.whitelist.size + g.mutes.size + g.attributes.size).toBe(0);

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(within(dialog).getByText('3 succeeded, 0 failed, 0 skipped')).toBeInTheDocument();
    expect([...g.members].sort()).toEqual(['ann', 'bo', 'cy', 'dee', 'olivia']);
    expect([...g.admins]).toEqual(['ann']);
    expect([...g.whitelist]).toEqual(['ann']);
    expect(g.mutes.get('ann')! - until).toBeLessThan(2_000);
    expect(g.mutes.get('bo')).toBe(-1);
    expect(g.attributes.get('ann')).toEqual({ nickname: 'Annie', role: 'lead' });
    expect(within(dialog).getByRole('row', { name: /ann Succeeded Back in the group with: admin role, whitelist entry, mute \(.+\), and 2 attributes\./ })).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: /cy Succeeded Back in the group\./ })).toBeInTheDocument();
  });

  it('says exactly what an undo could not put back, and why', async () => {
    const g = serve({ members: ['olivia', 'ann'], admins: new Set(['ann']) });
    const { user } = render('remove', ['ann']);
    const dialog = screen.getByRole('dialog', { name: 'Remove members from Hikers' });
    await within(dialog).findByText('Admin role (1): ann');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await within(dialog).findByText('1 succeeded, 0 failed, 0 skipped');
    // Meanwhile ann was blocked: she cannot come back.
    g.blocks.add('ann');
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(within(dialog).getByRole('row', { name: /ann Failed Not back in the group: .*user ann is in blacklist.*Nothing else was put back\./ })).toBeInTheDocument();
    expect(g.admins.size).toBe(0);
  });

  it('asks for the group ID before removing more than 20 members', async () => {
    serve({ members: ['olivia', ...Array.from({ length: 21 }, (_, i) => `m${i}`)] });
    render('remove', Array.from({ length: 21 }, (_, i) => `m${i}`));
    const dialog = screen.getByRole('dialog', { name: 'Remove members from Hikers' });
    expect(within(dialog).getByRole('textbox', { name: 'Type 42 to confirm' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Remove' })).toBeDisabled();
  });

  it('blocks, and its Undo unblocks and puts the members back with their roles', async () => {
    const g = serve({ members: ['olivia', 'ann', 'bo'], admins: new Set(['bo']) });
    const { user } = render('block', ['bo']);
    const dialog = screen.getByRole('dialog', { name: 'Block members of Hikers' });
    await within(dialog).findByText('Admin role (1): bo');
    await user.click(within(dialog).getByRole('button', { name: 'Block' }));
    await within(dialog).findByText('1 succeeded, 0 failed, 0 skipped');
    expect([...g.blocks]).toEqual(['bo']);
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(g.blocks.size).toBe(0);
    expect(g.members.has('bo') && g.admins.has('bo')).toBe(true);
  });

  it('refuses more admins than the 99-admin limit allows, before sending', async () => {
    serve({ members: ['olivia', 'ann', 'bo', 'a97', ...Array.from({ length: 97 }, (_, i) => `a${i}`)], admins: new Set(Array.from({ length: 97 }, (_, i) => `a${i}`)) });
    render('admin', ['ann', 'bo', 'a97']);
    const dialog = screen.getByRole('dialog', { name: 'Make members admins of Hikers' });
    expect(await within(dialog).findByText('A group has at most 99 admins and this one has 97: at most 2 more, not 3.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Make admin' })).toBeDisabled();
    expect(changes()).toEqual([]);
  });

  it('makes admins one call each, and Undo demotes them', async () => {
    const g = serve({ members: ['olivia', 'ann', 'bo'] });
    const { user } = render('admin', ['ann', 'bo']);
    const dialog = screen.getByRole('dialog', { name: 'Make members admins of Hikers' });
    expect(within(dialog).getByText('Make 2 members admins of Hikers. Admins manage the blacklist, whitelist and mutes.')).toBeInTheDocument();
    expect(within(dialog).getByText('The owner, olivia, cannot also be an admin and is left out if listed.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Make admin' }));
    await within(dialog).findByText('2 succeeded, 0 failed, 0 skipped');
    expect(changes().map((r) => JSON.parse(r.body))).toEqual([{ newadmin: 'ann' }, { newadmin: 'bo' }]);
    expect([...g.admins]).toEqual(['ann', 'bo']);
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect(g.admins.size).toBe(0);
  });

  it('whitelists, and Undo leaves on the whitelist whoever was there before', async () => {
    const g = serve({ members: ['olivia', 'ann', 'bo'], whitelist: new Set(['bo']) });
    const { user } = render('whitelist', ['ann', 'bo']);
    const dialog = screen.getByRole('dialog', { name: 'Add to the whitelist of Hikers' });
    await user.click(within(dialog).getByRole('button', { name: 'Whitelist' }));
    await within(dialog).findByText('2 succeeded, 0 failed, 0 skipped');
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await within(dialog).findByText('Result of the undo');
    expect([...g.whitelist]).toEqual(['bo']);
    expect(within(dialog).getByRole('row', { name: /bo Succeeded Was on the whitelist before this run: left on it\./ })).toBeInTheDocument();
  });
});
