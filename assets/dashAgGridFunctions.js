// The page's one JavaScript namespace for grid helpers and clientside callbacks.
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// After a new search or quick filter: drop the cached blocks and go back to the top.
dagfuncs.refreshRows = function (_search, _missing, gridId) {
  dash_ag_grid.getApiAsync(gridId).then(function (api) {
    api.purgeInfiniteCache();
    if (api.getDisplayedRowCount() > 0) {
      api.ensureIndexVisible(0, "top");
    }
  });
  return window.dash_clientside.no_update;
};
