/* triglot: the language switcher keeps the reader's place.
 *
 * Every paragraph has an id that is the same in every edition (tg-p<N>).
 * When the reader follows a link to another edition (or to the parallel
 * view), the link gets the first paragraph in view as its fragment, so the
 * other edition opens at the same paragraph. The current #anchor is kept when
 * its target is still in view. Without JavaScript the links are plain links.
 */
(function () {
  "use strict";

  var SELECTOR = '[data-triglot-body] p[id^="tg-p"], [data-triglot-body] section[id] > :is(h1, h2, h3, h4, h5, h6)';

  /** The top of the reading area: below furo's header when it is shown. */
  function readingTop() {
    var header = document.querySelector(".mobile-header");
    if (header && getComputedStyle(header).display !== "none") {
      return Math.max(0, header.getBoundingClientRect().bottom);
    }
    return 0;
  }

  function inView(element, top) {
    var rect = element.getBoundingClientRect();
    return rect.bottom > top && rect.top < window.innerHeight;
  }

  /** The stable id of the first paragraph (or section heading) the reader can see. */
  function placeId() {
    var top = readingTop();
    var hash;
    try { hash = decodeURIComponent(window.location.hash.slice(1)); } catch (error) { hash = ""; }  // "#%E0%A4%A"
    var target = hash && document.getElementById(hash);
    if (target && inView(target, top)) return hash;
    if (window.scrollY <= 0) return "";
    // A paragraph counts once a useful part of it is still in view.
    var margin = Math.min(80, (window.innerHeight - top) * 0.2);
    var candidates = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < candidates.length; i++) {
      var rect = candidates[i].getBoundingClientRect();
      if (rect.bottom > top + margin) {
        return candidates[i].id || candidates[i].parentElement.id;
      }
    }
    return "";
  }

  function withFragment(link) {
    if (!link.dataset.triglotBase) link.dataset.triglotBase = link.getAttribute("href").split("#")[0];
    var id = placeId();
    link.setAttribute("href", link.dataset.triglotBase + (id ? "#" + encodeURIComponent(id) : ""));
  }

  function init() {
    var links = document.querySelectorAll(".triglot-edition-link, .triglot-parallel-link");
    links.forEach(function (link) {
      ["pointerdown", "focus", "click", "contextmenu"].forEach(function (type) {
        link.addEventListener(type, function () { withFragment(link); });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
