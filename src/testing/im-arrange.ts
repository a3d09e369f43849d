import { registerUsers, type TestImHost } from './im-host';

// A group as a test needs it, built through the emulator's API (so only states the service allows),
// and the same group read back through the API after the console has changed it.

export interface GroupSetup {
  owner: string;
  /** Plain members besides the owner, in joining order. */
  members?: string[];
  name?: string;
  maxusers?: number;
  /** Members made admins. */
  admins?: string[];
  whitelist?: string[];
  /** Members muted for this many ms from now; -1 until unmuted. */
  mutes?: Record<string, number>;
  attributes?: Record<string, Record<string, string>>;
  /** Users on the blacklist (they join, then are blocked: only members can be). */
  blocked?: string[];
}

const chunks = <T,>(xs: T[], size: number) => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, i * size + size));

/** Registers whoever the group names and does not exist yet, creates the group, and returns its ID. */
export async function arrangeGroup(host: TestImHost, g: GroupSetup): Promise<string> {
  const { owner, members = [], blocked = [] } = g;
  const exists = host.emulator.db.prepare('SELECT 1 FROM users WHERE username = ?');
  const missing = [...new Set([owner, ...members, ...blocked])].filter((u) => !exists.get(u));
  if (missing.length > 0) await registerUsers(host, missing);

  // Created with up to 100 members (the create call's limit), the rest added 60 a call.
  const joiners = [...members, ...blocked];
  const created = await host.arrange('POST', '/chatgroups', {
    groupname: g.name ?? `g-${owner}`,
    description: 'test',
    public: true,
    maxusers: g.maxusers ?? 3000,
    owner,
    members: joiners.slice(0, 100),
  });
  const id = created.data.groupid as string;
  for (const batch of chunks(joiners.slice(100), 60)) await host.arrange('POST', `/chatgroups/${id}/users`, { usernames: batch });

  for (const admin of g.admins ?? []) await host.arrange('POST', `/chatgroups/${id}/admin`, { newadmin: admin });
  for (const batch of chunks(g.whitelist ?? [], 60)) await host.arrange('POST', `/chatgroups/${id}/white/users`, { usernames: batch });
  for (const [user, ms] of Object.entries(g.mutes ?? {})) await host.arrange('POST', `/chatgroups/${id}/mute`, { usernames: [user], mute_duration: ms });
  for (const [user, metaData] of Object.entries(g.attributes ?? {})) await host.arrange('PUT', `/metadata/chatgroup/${id}/user/${user}`, { metaData });
  for (const batch of chunks(blocked, 60)) await host.arrange('POST', `/chatgroups/${id}/blocks/users`, { usernames: batch });
  return id;
}

export interface GroupState {
  owner: string;
  /** Everyone in the group, the owner first, then by joining order. */
  members: string[];
  admins: string[];
  whitelist: string[];
  mutes: Map<string, number>;
  /** Only members who have attributes. */
  attributes: Map<string, Record<string, string>>;
  blocked: string[];
}

/** The group as the emulator answers for it now. */
export async function readGroup(host: TestImHost, id: string): Promise<GroupState> {
  const get = (path: string) => host.arrange('GET', `/chatgroups/${id}${path}`);
  const [details] = (await get('')).data as { owner: string }[];
  const roster = ((await get('/users?pagesize=1000')).data as Record<string, string>[]).map((m) => m.owner ?? m.member!);
  const attributes = new Map<string, Record<string, string>>();
  for (const targets of chunks(roster, 10)) {
    const { data } = await host.arrange('POST', `/metadata/chatgroup/${id}/get`, { targets });
    for (const [user, attrs] of Object.entries(data as Record<string, Record<string, string>>)) if (Object.keys(attrs).length > 0) attributes.set(user, attrs);
  }
  return {
    owner: details!.owner,
    members: roster,
    admins: (await get('/admin')).data,
    whitelist: (await get('/white/users')).data,
    mutes: new Map(((await get('/mute')).data as { user: string; expire: number }[]).map((m) => [m.user, m.expire])),
    attributes,
    blocked: (await get('/blocks/users')).data,
  };
}
