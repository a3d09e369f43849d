// Strings of src/components/confirm-action/.
export const confirmEn = {
  typeToConfirm: 'Type {{value}} to confirm',
  mismatch: 'Type exactly {{value}}',
};
