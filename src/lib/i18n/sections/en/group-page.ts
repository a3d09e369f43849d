// Strings of the group page's frame (src/routes/$app/groups/$groupId/route.tsx and its section links).
export const groupPageEn = {
  sections: 'Sections of {{group}}',
  tabMembers: 'Members',
  tabAdmins: 'Admins',
  tabMutes: 'Mutes',
  tabBlacklist: 'Blacklist',
  tabWhitelist: 'Whitelist',
  tabAttributes: 'Attributes',
};
