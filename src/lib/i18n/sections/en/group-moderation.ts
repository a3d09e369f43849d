// Strings of the mutes, blacklist and whitelist sections of the group page.
export const groupModerationEn = {
  title: 'Moderation',
};
