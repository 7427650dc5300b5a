// triglot serve --watch: reload this page when a new site is published, at the paragraph in view;
// show a failed rebuild's error over the page (the page itself stays the last good one).
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = Number(script.getAttribute("data-generation"));
  var KEY = "triglot-live-anchor";

  // The first paragraph (tg-p…, tg-n…) still in view, else the first element with an id, and its offset.
  function anchor() {
    var groups = ["[id^='tg-']", "[id]"];
    for (var g = 0; g < groups.length; g++) {
      var elements = document.querySelectorAll(groups[g]);
      for (var i = 0; i < elements.length; i++) {
        var box = elements[i].getBoundingClientRect();
        if (box.bottom > 0 && box.height > 0) return {id: elements[i].id, top: box.top};
      }
    }
    return null;
  }

  function restore() {
    var saved = sessionStorage.getItem(KEY);
    if (!saved) return;
    sessionStorage.removeItem(KEY);
    saved = JSON.parse(saved);
    var element = saved.path === location.pathname && document.getElementById(saved.id);
    if (element) window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - saved.top);
  }

  function reload() {
    var at = anchor();
    if (at) sessionStorage.setItem(KEY, JSON.stringify({path: location.pathname, id: at.id, top: at.top}));
    location.reload();
  }

  function showError(text) {
    var overlay = document.getElementById("triglot-live-error");
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "triglot-live-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:50vh;" +
        "overflow:auto;margin:0;padding:1em;background:#7a0000;color:#fff;font:14px/1.4 monospace;";
      var title = document.createElement("strong");
      title.textContent = "Rebuild failed: this page is the last good version.";
      overlay.appendChild(title);
      overlay.appendChild(document.createElement("pre"));
      overlay.lastChild.style.cssText = "white-space:pre-wrap;margin:0.5em 0 0;";
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = text;  // text, never markup: the error quotes a translation
  }

  if (history.scrollRestoration) history.scrollRestoration = "manual";
  if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
  var events = new EventSource("/_triglot/events");
  events.addEventListener("state", function (message) {
    var state = JSON.parse(message.data);
    if (state.generation !== generation) {
      events.close();
      reload();
    } else if (state.error) {
      showError(state.error);
    } else {
      var overlay = document.getElementById("triglot-live-error");
      if (overlay) overlay.remove();
    }
  });
})();
