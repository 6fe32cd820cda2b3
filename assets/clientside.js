// Clientside callbacks of the page, in one namespace: window.dash_clientside.logdash.
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

    // A star added or removed changes the rows only when the table shows starred ones alone.
    refreshStarred: function (_starred, starredOnly, gridId) {
      if (starredOnly && starredOnly.length) {
        return window.dash_clientside.logdash.refreshRows(gridId);
      }
      return window.dash_clientside.no_update;
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
