// Strings of src/features/groups members/admins/owner pieces and the members/admins sections.
export const groupMembersEn = {
  title: 'Members',
};
