import type { Db } from './schema.js';

export interface UserRow {
  seq: number;
  username: string;
  uuid: string;
  password: string;
  nickname: string | null;
  activated: number;
  online: number;
  created: number;
  modified: number;
  notification_display_style: number | null;
  notification_no_disturbing: number | null;
  notification_no_disturbing_start: number | null;
  notification_no_disturbing_end: number | null;
  notifier_name: string | null;
  device_token: string | null;
}

export function findUser(db: Db, username: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
}

export function userExists(db: Db, username: string): boolean {
  return db.prepare('SELECT 1 FROM users WHERE username = ?').get(username) !== undefined;
}

/** The user entity as the seeds print it: optional settings appear only once set. */
export function userEntity(u: UserRow) {
  const entity: Record<string, unknown> = {
    uuid: u.uuid,
    type: 'user',
    created: u.created,
    modified: u.modified,
    username: u.username,
    activated: u.activated === 1,
  };
  if (u.nickname !== null) entity.nickname = u.nickname;
  if (u.notification_display_style !== null) entity.notification_display_style = u.notification_display_style;
  if (u.notification_no_disturbing !== null) entity.notification_no_disturbing = u.notification_no_disturbing === 1;
  if (u.notification_no_disturbing_start !== null) entity.notification_no_disturbing_start = u.notification_no_disturbing_start;
  if (u.notification_no_disturbing_end !== null) entity.notification_no_disturbing_end = u.notification_no_disturbing_end;
  if (u.notifier_name !== null) entity.notifier_name = u.notifier_name;
  if (u.device_token !== null) entity.device_token = u.device_token;
  return entity;
}

export interface NewUser {
  username: string;
  password: string;
  nickname?: string | null;
  uuid: string;
  created: number;
}

export function insertUser(db: Db, u: NewUser): UserRow {
  db.prepare(
    'INSERT INTO users (username, uuid, password, nickname, created, modified) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(u.username, u.uuid, u.password, u.nickname ?? null, u.created, u.created);
  return findUser(db, u.username)!;
}
