// Strings of src/components/data-table/.
export const dataTableEn = {
  loading: 'Loading rows…',
  loadFailed: 'The list could not be loaded',
  refreshing: 'Refreshing…',
  selectAll: 'Select all rows on this page',
  selectRow: 'Select {{id}}',
  selectedCount_one: '{{count}} selected',
  selectedCount_other: '{{count}} selected',
  clearSelection: 'Clear selection',
  pagination: 'Pagination',
  previous: 'Previous',
  next: 'Next',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageSize: 'Rows per page',
  pageN: 'Page {{page}}',
  rowsRange: 'Page {{page}} · rows {{from}}–{{to}}',
};
