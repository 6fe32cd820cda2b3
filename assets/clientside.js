// Clientside callbacks of the page, in one namespace: window.dash_clientside.logdash.

// The grid's API, or null while the grid is still being built.
function gridApi(gridId) {
  try {
    return dash_ag_grid.getApi(gridId);
  } catch (error) {
    return null;
  }
}

window.dash_clientside = Object.assign({}, window.dash_clientside, {
  logdash: {
    // After a new search or filter: drop the grid's cached blocks and go back to the top.
    // Called with the changed inputs, then the grid's id last.
    refreshRows: function () {
      var gridId = arguments[arguments.length - 1];
      dash_ag_grid.getApiAsync(gridId).then(function (api) {
        api.purgeInfiniteCache();
        if (api.getDisplayedRowCount() > 0) {
          api.ensureIndexVisible(0, "top");
        }
      });
      return window.dash_clientside.no_update;
    },

    // Show the selected connection as selected in the table (after a link or back/forward).
    selectRow: function (connectionId, gridId) {
      if (connectionId === null || connectionId === undefined) {
        return window.dash_clientside.no_update;
      }
      var tries = 0;
      function select() {
        var api = gridApi(gridId);
        var node = api && api.getRowNode(String(connectionId));
        if (node && node.data) {
          if (!node.isSelected()) {
            node.setSelected(true, true);
          }
        } else if (tries++ < 10) {
          setTimeout(select, 200);
        }
      }
      select();
      return window.dash_clientside.no_update;
    },

    // A star added or removed changes the rows only when the table shows starred ones alone.
    refreshStarred: function (_starred, starredOnly, gridId) {
      if (starredOnly && starredOnly.length) {
        return window.dash_clientside.logdash.refreshRows(gridId);
      }
      return window.dash_clientside.no_update;
    },

    // The log viewer's filters changed: remember the search (for highlighting), reload lines.
    refreshLines: function (_side, _level, search, options) {
      var next = Object.assign({}, options, { context: { search: search || "" } });
      dash_ag_grid.getApiAsync("lines-grid").then(function (api) {
        api.purgeInfiniteCache();
      });
      return next;
    },

    // Previous/next error: start from the selected line, else from the first line in view.
    jumpFrom: function (_prev, _next, gridId) {
      var triggered = window.dash_clientside.callback_context.triggered[0].prop_id;
      var step = triggered.indexOf("lines-prev") === 0 ? -1 : 1;
      var api = gridApi(gridId);
      if (!api) {
        return window.dash_clientside.no_update;
      }
      var selected = api.getSelectedNodes();
      var from = selected.length ? selected[0].rowIndex : api.getFirstDisplayedRowIndex() - 1;
      return { from: from, step: step, at: Date.now() };
    },

    // Bring a line into the middle of the viewer and select it, once its block has loaded.
    scrollLines: function (target, gridId) {
      if (!target || target.index === null || target.index === undefined) {
        return window.dash_clientside.no_update;
      }
      var tries = 0;
      function show() {
        var api = gridApi(gridId);
        if (!api) {
          if (tries++ < 40) {
            setTimeout(show, 150);
          }
          return;
        }
        api.ensureIndexVisible(target.index, "middle");
        var node = api.getDisplayedRowAtIndex(target.index);
        if (node && node.data) {
          api.deselectAll();
          node.setSelected(true);
        } else if (tries++ < 40) {
          setTimeout(show, 150);
        }
      }
      setTimeout(show, 50);
      return "Line " + target.index;
    },

    // Copy the selected lines (in file order) to the clipboard.
    copyLines: function (_clicks, gridId) {
      var api = gridApi(gridId);
      var rows = api ? api.getSelectedRows() : [];
      if (!rows.length) {
        return "Select lines first (click, Shift+click, Ctrl+click).";
      }
      rows.sort(function (a, b) {
        return a.n - b.n;
      });
      var text = rows
        .map(function (r) {
          return [r.n, r.time, r.level, r.text].join("\t");
        })
        .join("\n");
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(function () {});
      }
      return "Copied " + rows.length + (rows.length === 1 ? " line" : " lines") + ".";
    },

    // Zooming or panning one chart's time axis moves the other charts' axes with it.
    syncZoom: function () {
      var noUpdate = window.dash_clientside.no_update;
      var triggered = window.dash_clientside.callback_context.triggered;
      if (!triggered || !triggered.length || !triggered[0].value) {
        return noUpdate;
      }
      var data = triggered[0].value;
      var update = null;
      if (data["xaxis.range[0]"] !== undefined) {
        update = { "xaxis.range": [data["xaxis.range[0]"], data["xaxis.range[1]"]] };
      } else if (data["xaxis.range"] !== undefined) {
        update = { "xaxis.range": data["xaxis.range"] };
      } else if (data["xaxis.autorange"]) {
        update = { "xaxis.autorange": true };
      }
      if (!update) {
        return noUpdate;
      }
      var propId = triggered[0].prop_id;
      var sourceId = propId.slice(0, propId.lastIndexOf("."));
      document.querySelectorAll(".chart-graph").forEach(function (graph) {
        var plot = graph.querySelector(".js-plotly-plot");
        if (!plot || !plot.layout || graph.id === sourceId) {
          return;
        }
        var axis = plot.layout.xaxis || {};
        var same = update["xaxis.range"]
          ? axis.range &&
            String(axis.range[0]) === String(update["xaxis.range"][0]) &&
            String(axis.range[1]) === String(update["xaxis.range"][1])
          : axis.autorange === true;
        if (!same) {
          window.Plotly.relayout(plot, update);
        }
      });
      return noUpdate;
    },
  },
});
