// Strings of src/components/data-table/.
export const dataTableEn = {
  loading: 'Loading rows…',
  refreshing: 'Refreshing…',
  selectAll: 'Select all rows on this page',
  selectRow: 'Select {{id}}',
  selectedCount_one: '{{count}} selected',
  selectedCount_other: '{{count}} selected',
  clearSelection: 'Clear selection',
  pagination: 'Pagination',
  previous: 'Previous page',
  next: 'Next page',
  pageSize: 'Rows per page',
  pageN: 'Page {{page}}',
  pageRows: 'Page {{page}} · rows {{from}}–{{to}}',
};

export const dataTableZhCN: typeof dataTableEn = {
  loading: '正在加载…',
  refreshing: '正在刷新…',
  selectAll: '选择本页所有行',
  selectRow: '选择 {{id}}',
  selectedCount_one: '已选择 {{count}} 项',
  selectedCount_other: '已选择 {{count}} 项',
  clearSelection: '清除选择',
  pagination: '分页',
  previous: '上一页',
  next: '下一页',
  pageSize: '每页行数',
  pageN: '第 {{page}} 页',
  pageRows: '第 {{page}} 页 · 第 {{from}}–{{to}} 行',
};
