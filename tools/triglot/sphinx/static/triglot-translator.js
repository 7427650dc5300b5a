/* triglot: the translator mode, off for readers.
 *
 * A translated page carries one JSON block (id "triglot-translator-data",
 * written by triglot.sphinx.translator_mode): "records", for each paragraph
 * and title its state, catalog file and msgstr line, triglot check's findings
 * and an edit link; "strings", the mode's words in the edition's language
 * (the button, the states' names, the edit link's title). Opening a page
 * with ?translator turns the mode on (remembered in localStorage),
 * ?translator=off turns it off, and so does the button shown while it is
 * on. Everything is written as text: translations are untrusted.
 */
(function () {
  "use strict";

  var KEY = "triglot-translator";
  var BOX = "triglot-tm";
  var UNSAFE_LINK = /^\s*(javascript|data|vbscript):/i;

  function remembered() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (error) { return false; }
  }

  function remember(on) {
    try {
      if (on) window.localStorage.setItem(KEY, "on"); else window.localStorage.removeItem(KEY);
    } catch (error) { /* private mode: the URL still works for this page */ }
  }

  /** ?translator (or =on, =1) turns the mode on, ?translator=off (or =0) off; otherwise what was remembered. */
  function wanted() {
    var params = new URLSearchParams(window.location.search);
    if (!params.has("translator")) return remembered();
    var on = ["off", "0", "false", "no"].indexOf(params.get("translator").toLowerCase()) < 0;
    remember(on);
    return on;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function box(record, strings) {
    var aside = element("aside", BOX + " " + BOX + "-" + record.state);
    aside.setAttribute("data-state", record.state);
    aside.appendChild(element("span", BOX + "-state", strings[record.state]));
    if (record.catalog) {
      var place = record.catalog + ":" + record.line;
      if (record.edit && !UNSAFE_LINK.test(record.edit)) {
        var link = element("a", BOX + "-edit", place);
        link.href = record.edit;
        link.title = strings.edit;
        aside.appendChild(link);
      } else {
        aside.appendChild(element("span", BOX + "-place", place));
      }
    }
    if (record.reason) aside.appendChild(element("span", BOX + "-reason", record.reason));
    if (record.findings && record.findings.length) {
      var list = element("ul", BOX + "-findings");
      record.findings.forEach(function (finding) {
        var item = element("li", BOX + "-" + finding.severity,
                           finding.severity + " " + finding.check + ": " + finding.message);
        list.appendChild(item);
      });
      aside.appendChild(list);
    }
    return aside;
  }

  /** A section's own heading (its title). */
  function headingOf(section) {
    return section && section.querySelector(":scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
  }

  function show(records, strings) {
    records.forEach(function (record) {
      var target = record.section ? headingOf(document.getElementById(record.section))
                                  : document.getElementById(record.id);
      if (target) target.after(box(record, strings));
    });
    var button = element("button", BOX + "-toggle", strings.toggle);
    button.type = "button";
    button.addEventListener("click", function () {
      remember(false);
      hide();
    });
    document.body.appendChild(button);
    document.body.classList.add("triglot-translator");
  }

  function hide() {
    document.querySelectorAll("." + BOX + ", ." + BOX + "-toggle").forEach(function (node) { node.remove(); });
    document.body.classList.remove("triglot-translator");
  }

  function start() {
    var data = document.getElementById("triglot-translator-data");
    if (!data || !wanted()) return;
    var parsed;
    try { parsed = JSON.parse(data.textContent); } catch (error) { return; }
    if (parsed && Array.isArray(parsed.records) && parsed.strings) show(parsed.records, parsed.strings);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
