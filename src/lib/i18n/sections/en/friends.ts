// Strings of the friends and user-blacklist sections of the user page (src/features/friends, src/features/blocks).
export const friendsEn = {
  title: 'Friends',
};
