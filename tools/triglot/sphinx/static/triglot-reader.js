/* triglot: the language switcher keeps the reader's place.
 *
 * Every paragraph has an id that is the same in every edition (tg-p<N>).
 * When the reader follows a link to another edition (or to the parallel
 * view), the link gets the first paragraph in view as its fragment, so the
 * other edition opens at the same paragraph. The current #anchor is kept when
 * its target is still in view. Without JavaScript the links are plain links.
 * The switcher's menu (many editions) closes on Escape and on a click outside.
 * Works in any theme: the text is the theme's role="main" element.
 */
(function () {
  "use strict";

  var SELECTOR = '[data-triglot-body] p[id^="tg-p"], [data-triglot-body] section[id] > :is(h1, h2, h3, h4, h5, h6)';

  /** The element at the point that is fixed or sticky (a theme's header), or null. */
  function stuckAt(x, y) {
    for (var element = document.elementFromPoint(x, y); element && element !== document.body;
         element = element.parentElement) {
      var position = getComputedStyle(element).position;
      if (position === "fixed" || position === "sticky") return element;
    }
    return null;
  }

  /** The top of the reading area: below the theme's fixed or sticky headers (furo's, pydata's...). */
  function readingTop() {
    var top = 0;
    for (var i = 0; i < 3; i++) {  // headers stacked one under the other
      var header = stuckAt(window.innerWidth / 2, top + 1);
      var rect = header && header.getBoundingClientRect();
      // A header, not a drawer or a sidebar open over the text.
      if (!rect || rect.bottom <= top || rect.height > window.innerHeight / 3) break;
      top = rect.bottom;
    }
    return top;
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

  /** The menus of the switcher: Escape closes one (focus back on its summary), so does a click outside. */
  function initMenus() {
    var menus = document.querySelectorAll("details.triglot-editions-menu");
    menus.forEach(function (menu) {
      menu.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !menu.open) return;
        menu.open = false;
        menu.querySelector("summary").focus();
      });
    });
    document.addEventListener("click", function (event) {
      menus.forEach(function (menu) { if (menu.open && !menu.contains(event.target)) menu.open = false; });
    });
  }

  function init() {
    initMenus();
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
