// Strings of the relationship check page (src/routes/$app/relationship.tsx).
export const relationshipEn = {
  title: 'Relationship check',
};
