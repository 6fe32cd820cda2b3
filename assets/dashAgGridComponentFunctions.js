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
