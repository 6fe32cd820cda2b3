// Cell renderers for the connections grid. React escapes text children, so values stay text.
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

dagcomponentfuncs.LogBadge = function (props) {
  if (props.value == null) {
    return null;
  }
  var recorded = props.value === "recorded";
  return React.createElement(
    "span",
    { className: "log-badge " + (recorded ? "log-badge-ok" : "log-badge-missing") },
    recorded ? "Present" : "Not recorded"
  );
};

// A log line with every match of the viewer's search marked (text only, never HTML).
dagcomponentfuncs.Highlight = function (props) {
  var text = props.value == null ? "" : String(props.value);
  var search = (props.context && props.context.search) || "";
  if (!search) {
    return text;
  }
  var lower = text.toLowerCase();
  var needle = search.toLowerCase();
  var parts = [];
  var from = 0;
  var at = lower.indexOf(needle, from);
  while (at !== -1) {
    parts.push(text.slice(from, at));
    parts.push(React.createElement("mark", { key: at }, text.slice(at, at + needle.length)));
    from = at + needle.length;
    at = lower.indexOf(needle, from);
  }
  parts.push(text.slice(from));
  return React.createElement("span", null, parts);
};
