// Strings of the relationship check page (src/routes/$app/relationship.tsx).
import type { relationshipEn } from '../en/relationship';

export const relationshipZhCN: typeof relationshipEn = {
  title: '关系检查',
};
