// The web UI's only script of its own (htmx does the rest). Kept small on purpose:
// pages are rendered on the server; this adds the CSRF header to htmx requests, live
// refresh from server-sent events, scroll positions kept across refreshes, and confirmations.
(function () {
  "use strict";

  // Every htmx request carries the session's CSRF token (forms carry it as a field).
  document.addEventListener("htmx:configRequest", function (evt) {
    var token = document.body.getAttribute("data-csrf");
    if (token) evt.detail.headers["X-CSRF-Token"] = token;
  });

  // Live regions: <div data-live-src="/ui/..." hx-get="/ui/...fragment" hx-trigger="live">
  // listens to the event stream at data-live-src and refreshes itself (at most every
  // data-live-ms, 300 by default) when an event arrives. EventSource reconnects by itself.
  function startLive(el) {
    if (el._liveSource) return;
    var src = el.getAttribute("data-live-src");
    var wait = parseInt(el.getAttribute("data-live-ms") || "300", 10);
    var timer = null;
    var source = new EventSource(src);
    el._liveSource = source;
    // htmx drops a trigger while the element's previous request is in flight (its default
    // hx-sync), and that request may carry the state from before the event: an event that
    // arrives meanwhile refreshes once more when the request ends, so the last event is
    // always followed by a fetch that sees it.
    el.addEventListener("htmx:beforeRequest", function () { el._liveBusy = true; });
    el.addEventListener("htmx:afterRequest", function () {
      el._liveBusy = false;
      if (el._livePending) { el._livePending = false; refresh(); }
    });
    function refresh() {
      if (el._liveBusy) { el._livePending = true; return; }
      if (timer) return;
      timer = setTimeout(function () {
        timer = null;
        if (el._liveBusy) { el._livePending = true; return; }
        if (window.htmx) window.htmx.trigger(el, "live");
      }, wait);
    }
    source.onmessage = refresh;
    ["task", "node", "run", "update"].forEach(function (type) {
      source.addEventListener(type, refresh);
    });
    source.addEventListener("end", function () { source.close(); refresh(); });
    source.onopen = function () { el.setAttribute("data-live", "connected"); };
    source.onerror = function () { el.setAttribute("data-live", "reconnecting"); };
  }
  function scanLive(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("[data-live-src]").forEach(startLive);
  }
  // A live region that htmx swaps out (outerHTML) or removes closes its stream; the new
  // element opens its own when htmx loads it.
  document.addEventListener("htmx:beforeCleanupElement", function (evt) {
    var el = evt.target;
    if (el && el._liveSource) { el._liveSource.close(); el._liveSource = null; }
  });
  document.addEventListener("DOMContentLoaded", function () { scanLive(document); });
  document.addEventListener("htmx:load", function (evt) { scanLive(evt.target); });

  // Scrolled boxes marked data-keep-scroll (a log, a wide graph) keep the reader's place when
  // htmx swaps in a refreshed copy of their region: the new box gets the old one's scroll
  // position (matched by id, else by order in the region), and one scrolled to its end stays
  // at its end as it grows (a log being written).
  var keptScroll = null;
  function scrollBoxes(root) {
    if (!root || !root.querySelectorAll) return [];
    var found = root.matches && root.matches("[data-keep-scroll]") ? [root] : [];
    return found.concat(Array.prototype.slice.call(root.querySelectorAll("[data-keep-scroll]")));
  }
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var target = evt.detail.target;
    keptScroll = scrollBoxes(target).map(function (box) {
      return {
        id: box.id,
        top: box.scrollTop,
        left: box.scrollLeft,
        atEnd: box.scrollTop > 0 && box.scrollTop + box.clientHeight >= box.scrollHeight - 2
      };
    });
  });
  document.addEventListener("htmx:afterSwap", function (evt) {
    if (!keptScroll || !keptScroll.length) return;
    var boxes = scrollBoxes(evt.target);
    keptScroll.forEach(function (old, i) {
      var box = old.id ? document.getElementById(old.id) : boxes[i];
      if (!box || !box.hasAttribute("data-keep-scroll")) return;
      box.scrollLeft = old.left;
      box.scrollTop = old.atEnd ? box.scrollHeight : old.top;
    });
    keptScroll = null;
  });

  // <details id=...> the reader opened or closed keep that state when htmx swaps in a
  // refreshed copy of their region (a node's log on a live task page).
  var keptOpen = null;
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var target = evt.detail.target;
    if (!target || !target.querySelectorAll) return;
    keptOpen = {};
    target.querySelectorAll("details[id]").forEach(function (d) { keptOpen[d.id] = d.open; });
  });
  document.addEventListener("htmx:afterSwap", function () {
    if (!keptOpen) return;
    Object.keys(keptOpen).forEach(function (id) {
      var d = document.getElementById(id);
      if (d && d.tagName === "DETAILS") d.open = keptOpen[id];
    });
    keptOpen = null;
  });

  // <form data-confirm="Cancel this task?">: asks before submitting.
  document.addEventListener("submit", function (evt) {
    var msg = evt.target.getAttribute && evt.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) evt.preventDefault();
  }, true);
})();
