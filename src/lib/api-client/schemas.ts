import * as z from 'zod/mini';

// Pieces of the response envelope shared by many calls (see ../shared/seeds/README.md).

/** A user entity as the API prints it: optional settings appear only once set. */
export const userEntity = z.object({
  uuid: z.string(),
  type: z.optional(z.string()),
  created: z.number(),
  modified: z.optional(z.number()),
  username: z.string(),
  activated: z.boolean(),
  nickname: z.optional(z.nullable(z.string())),
  notification_display_style: z.optional(z.number()),
  notification_no_disturbing: z.optional(z.boolean()),
  notification_no_disturbing_start: z.optional(z.number()),
  notification_no_disturbing_end: z.optional(z.number()),
  notifier_name: z.optional(z.string()),
  device_token: z.optional(z.string()),
});
export type UserEntity = z.infer<typeof userEntity>;

/** `cursor` ends a walk when absent or null; an empty string is treated the same. */
export const cursorField = z.optional(z.nullable(z.string()));
export const nextCursor = (cursor: string | null | undefined): string | undefined => cursor || undefined;
