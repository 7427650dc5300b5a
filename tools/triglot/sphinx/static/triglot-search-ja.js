/* triglot: Japanese search queries (sphinx#13395).
 *
 * Sphinx splits Japanese text into words with TinySegmenter when it builds
 * the index, but splits the reader's query only at spaces and punctuation,
 * so 広報文化外交 is looked up as one word the index does not have. This
 * splitQuery, picked up by searchtools.js in place of its own, cuts every
 * run of Japanese characters into the fewest words the index knows (and
 * drops the one-character leftovers the index leaves out too), so a query
 * finds what the page says.
 */
var splitQuery = function (query) {
  "use strict";
  var JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+/gu;

  function knownWords() {
    var index = typeof Search !== "undefined" && Search._index;
    return index ? [index.terms || {}, index.titleterms || {}] : null;
  }

  function isKnown(word, tables) {
    return tables.some(function (table) { return Object.prototype.hasOwnProperty.call(table, word); });
  }

  /** The fewest known words covering *run*; unknown stretches are kept whole. */
  function segment(run, tables) {
    var chars = Array.from(run);
    var n = chars.length;
    var UNKNOWN = 100; // cost of a character no known word covers
    var best = [{ cost: 0, from: -1, known: true }];
    for (var end = 1; end <= n; end++) {
      best[end] = { cost: best[end - 1].cost + UNKNOWN, from: end - 1, known: false };
      for (var start = Math.max(0, end - 24); start < end - 1; start++) {
        var word = chars.slice(start, end).join("").toLowerCase();
        if (best[start].cost + 1 < best[end].cost && isKnown(word, tables)) {
          best[end] = { cost: best[start].cost + 1, from: start, known: true };
        }
      }
    }
    var pieces = [];
    var unknown = "";
    for (var at = n; at > 0; at = best[at].from) {
      var piece = chars.slice(best[at].from, at).join("");
      if (best[at].known) {
        if (unknown) pieces.unshift(unknown);
        unknown = "";
        pieces.unshift(piece);
      } else {
        unknown = piece + unknown;
      }
    }
    if (unknown) pieces.unshift(unknown);
    // The index leaves out one-character words (sphinx.search.ja): so does the query.
    return pieces.filter(function (piece) { return Array.from(piece).length > 1; });
  }

  var tables = knownWords();
  var terms = [];
  query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu).forEach(function (term) {
    if (!term) return;
    if (!tables || !JAPANESE.test(term)) { terms.push(term); return; }
    JAPANESE.lastIndex = 0;
    var last = 0;
    term.replace(JAPANESE, function (run, offset) {
      if (offset > last) terms.push(term.slice(last, offset));
      Array.prototype.push.apply(terms, segment(run, tables));
      last = offset + run.length;
      return run;
    });
    if (last < term.length) terms.push(term.slice(last));
  });
  return terms;
};
