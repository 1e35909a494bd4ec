// `/` in a browser: the kfp SDK prints links like /#/runs/details/<id> (the Kubeflow UI's
// hash routes); the hash never reaches the server, so it is mapped here to the UI's pages.
(function () {
  "use strict";
  var routes = [
    [/^#\/runs\/details\/([^/?#]+)/, "/ui/kfp/runs/"],
    [/^#\/experiments\/details\/([^/?#]+)/, "/ui/kfp/experiments/"],
    [/^#\/pipelines\/details\/([^/?#]+)(?:\/version\/([^/?#]+))?/, "/ui/kfp/pipelines/"],
    [/^#\/recurringrun\/details\/([^/?#]+)/, "/ui/kfp/recurring-runs/"]
  ];
  var hash = window.location.hash || "";
  for (var i = 0; i < routes.length; i++) {
    var m = hash.match(routes[i][0]);
    if (m) {
      var target = routes[i][1] + encodeURIComponent(decodeURIComponent(m[1]));
      if (m[2]) target += "?version=" + encodeURIComponent(decodeURIComponent(m[2]));
      window.location.replace(target);
      return;
    }
  }
  window.location.replace("/ui/");
})();
