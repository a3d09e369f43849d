// Strings of src/components/data-table/.
export const dataTableEn = {
  placeholder: 'data-table',
};

export const dataTableZhCN: typeof dataTableEn = {
  placeholder: 'data-table',
};
