import type { Db } from './schema.js';

export interface GroupRow {
  seq: number;
  groupid: string;
  name: string;
  description: string;
  public: number;
  membersonly: number;
  allowinvites: number;
  maxusers: number;
  owner: string;
  created: number;
  modified: number;
  custom: string;
  mute_all: number;
}

export type Role = 'owner' | 'admin' | 'member';

export const MAX_ADMINS = 99;

export function findGroup(db: Db, groupid: string): GroupRow | undefined {
  return db.prepare('SELECT * FROM groups WHERE groupid = ?').get(groupid) as GroupRow | undefined;
}

export function roleOf(db: Db, groupid: string, username: string): Role | undefined {
  const row = db.prepare('SELECT role FROM group_members WHERE groupid = ? AND username = ?').get(groupid, username) as
    | { role: Role }
    | undefined;
  return row?.role;
}

export const memberCount = (db: Db, groupid: string) =>
  (db.prepare('SELECT COUNT(*) AS n FROM group_members WHERE groupid = ?').get(groupid) as { n: number }).n;

export const joinedCount = (db: Db, username: string) =>
  (db.prepare('SELECT COUNT(*) AS n FROM group_members WHERE username = ?').get(username) as { n: number }).n;

export const isGroupBlocked = (db: Db, groupid: string, username: string) =>
  db.prepare('SELECT 1 FROM group_blocks WHERE groupid = ? AND username = ?').get(groupid, username) !== undefined;

export function addMember(db: Db, groupid: string, username: string, role: Role = 'member') {
  db.prepare('INSERT INTO group_members (groupid, username, role) VALUES (?, ?, ?)').run(groupid, username, role);
}

export interface NewGroup {
  name: string;
  description: string;
  public: boolean;
  membersonly: boolean;
  allowinvites: boolean;
  maxusers: number;
  owner: string;
  /** Plain members besides the owner, already checked to exist. */
  members: string[];
  custom: string;
  created: number;
}

/** Writes a group with its owner and members (call inside a transaction); returns its ID. */
export function insertGroup(db: Db, g: NewGroup): string {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO groups (groupid, name, description, public, membersonly, allowinvites, maxusers, owner, created, modified, custom)
       VALUES ('pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(g.name, g.description, Number(g.public), Number(g.membersonly), Number(g.allowinvites), g.maxusers, g.owner, g.created, g.created, g.custom);
  const groupid = groupIdFor(Number(lastInsertRowid));
  db.prepare("UPDATE groups SET groupid = ? WHERE groupid = 'pending'").run(groupid);
  addMember(db, groupid, g.owner, 'owner');
  for (const m of g.members) addMember(db, groupid, m);
  return groupid;
}

/** Leaving a group also drops what only members have there: mute, whitelist entry, attributes. */
export function leaveGroup(db: Db, groupid: string, username: string) {
  for (const table of ['group_members', 'group_mutes', 'group_whitelist', 'group_member_attributes']) {
    db.prepare(`DELETE FROM ${table} WHERE groupid = ? AND username = ?`).run(groupid, username);
  }
}

/** Mutes still in force: expired ones vanish; -1 means permanent. */
export function activeMutes(db: Db, groupid: string, now: number) {
  return db
    .prepare('SELECT username AS user, expire FROM group_mutes WHERE groupid = ? AND (expire = -1 OR expire > ?) ORDER BY seq')
    .all(groupid, now) as { user: string; expire: number }[];
}

/** Group IDs look like the service's: 15 digits, unique per row. */
export const groupIdFor = (seq: number) => String(180_000_000_000_000 + seq * 104_729);
