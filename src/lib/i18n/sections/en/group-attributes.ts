// Strings of the attributes section of the group page.
export const groupAttributesEn = {
  title: 'Member attributes',
};
