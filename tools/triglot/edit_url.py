"""The translator mode's edit link: a per-project URL template (``[tool.triglot] edit_url``) filled per message.

Placeholders: ``{catalog}`` (the PO file, relative to the project),
``{path}`` (its absolute path, for ``vscode://file/{path}:{line}``),
``{line}`` (the msgstr's line), ``{lang}``, ``{msgid}`` (the source text) and
``{msgid_hash}`` (SHA-256 of the msgid's UTF-8, in hex). Every value is
percent-encoded; the template is the project's, the values come from
untrusted catalogs.
"""

from __future__ import annotations

import hashlib
import re
import string
from urllib.parse import quote

PLACEHOLDERS = ("catalog", "path", "line", "lang", "msgid", "msgid_hash")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SCRIPT_SCHEMES = frozenset({"javascript", "data", "vbscript"})


def template_problem(template: str) -> str | None:
    """Why *template* is not a usable edit URL template, or None."""
    scheme = _SCHEME.match(template)
    if not scheme:
        return "must start with a URL scheme such as https:// or vscode://"
    if scheme.group(1).lower() in _SCRIPT_SCHEMES:
        return f"may not use the {scheme.group(1)}: scheme (it would run in the reader's page)"
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template)
                  if name is not None]
    except ValueError as exc:
        return f"is not a valid template ({exc}); write a literal brace as {{{{ or }}}}"
    unknown = sorted({name for name, _, _ in fields if name not in PLACEHOLDERS})
    if unknown:
        return (f"has unknown placeholder(s) {', '.join('{' + name + '}' for name in unknown)}; "
                f"known: {', '.join('{' + name + '}' for name in PLACEHOLDERS)}")
    if any(spec or conversion for _, spec, conversion in fields):
        return "placeholders take no format spec or conversion: write {line}, not {line:d} or {line!r}"
    return None


def edit_link(template: str, *, catalog: str, path: str, line: int, lang: str, msgid: str) -> str:
    """*template* (already checked by :func:`template_problem`) filled with the percent-encoded values."""
    values = {"catalog": quote(catalog, safe="/"), "path": quote(path, safe="/"), "line": str(line),
              "lang": quote(lang, safe=""), "msgid": quote(msgid, safe=""),
              "msgid_hash": hashlib.sha256(msgid.encode("utf-8")).hexdigest()}
    return template.format(**values)
