// Strings of the friends and user-blacklist sections of the user page (src/features/friends, src/features/blocks).
import type { friendsEn } from '../en/friends';

export const friendsZhCN: typeof friendsEn = {
  title: '好友',
};
