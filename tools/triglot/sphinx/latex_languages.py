"""The babel and font set-up of an edition's PDF, from its language's entry in :mod:`triglot.pdf_languages`."""

from __future__ import annotations

from triglot.pdf_languages import PdfLanguage

# The signs FreeFont lacks (Dingbats such as a shell prompt's ❯) from DejaVu Sans, Sans Mono in monospace.
SYMBOLS = r"""
\directlua{
  luaotfload.add_fallback("triglotsymbols", {"file:DejaVuSans.ttf:mode=node;"})
  luaotfload.add_fallback("triglotsymbolsmono", {"file:DejaVuSansMono.ttf:mode=node;"})
}
"""

# Emoji, which no font here has: twemojis (Twemoji 14's drawings, in texlive-pictures) draws each one it knows at
# the text's height. The character is made active once every package is loaded (a catcode set in the preamble was
# reset by then), so it never reaches a font; a variation selector after it (U+FE0F), in no font, is dropped.
# Text read in the preamble (the title) names its emoji with \triglotemoji{<hex>}{<character>} (emoji_commands).
EMOJI_CODES = range(0x1F000, 0x1FB00)  # the code points made active (FIRST to LAST below) and emoji_commands names
EMOJI = (r"""
\usepackage{twemojis}
\DeclareRobustCommand\triglotemoji[2]{\ifcsname twemoji #1\endcsname\texttwemoji{#1}\else#2\fi}
\AddToHook{begindocument/end}{\directlua{
  local backslash = string.char(92)
  for code = FIRST, LAST do
    local name = string.format("\csstring\%x", code)
    if token.is_defined("twemoji " .. name) then
      tex.setcatcode(code, 13)
      tex.sprint(backslash .. "def" .. utf8.char(code) .. "{" .. backslash .. "texttwemoji{" .. name .. "}}")
    end
  end
}}
""".replace("FIRST", hex(EMOJI_CODES.start)).replace("LAST", hex(EMOJI_CODES.stop - 1)))

# FreeFont: the Latin, Cyrillic and Greek of every edition but those of a script set in Noto.
FREEFONT = SYMBOLS + r"""
\setmainfont{FreeSerif}[Extension=.otf, UprightFont=*, ItalicFont=*Italic,
  BoldFont=*Bold, BoldItalicFont=*BoldItalic, RawFeature={fallback=triglotsymbols}]
\setsansfont{FreeSans}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique, RawFeature={fallback=triglotsymbols}]
"""

FREEMONO = r"""
\setmonofont{FreeMono}[Scale=0.9, Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique%(fallback)s]
"""

# LuaTeX-ja for Japanese (and Chinese): Cyrillic (range 2) is never Japanese, nor are the curly quotes (range 9):
# Japanese text quotes with 「」, and the English of notes, fallbacks and quotations keeps its apostrophes
# proportional. Nor are the Dingbats HaranoAji and Noto CJK lack (range 10, all but the circled digits): they are
# set in the Latin font, whose fallback has them.
JACHARRANGE = "\n\\ltjdefcharrange{10}{\"2700-\"2775, \"2794-\"27BF}\\ltjsetparameter{jacharrange={-2,-9,-10}}\n"
HARANOAJI = "\n\\usepackage[haranoaji]{luatexja-preset}" + JACHARRANGE

# A Noto CJK font: its collections' font of the edition's region, regular and bold.
CJK_FONT = "{%s}[Extension=.ttc, UprightFont=*-Regular, BoldFont=*-Bold, FontIndex=%d]"

# Chinese: LuaTeX-ja's line breaking rules (no line starts with a closing mark) with Noto CJK's Chinese glyphs.
CHINESE = r"""
\usepackage{luatexja-fontspec}
\setmainjfont%(serif)s
\setsansjfont%(sans)s
""" + JACHARRANGE

# Korean: luatexko sets Hangul and Hanja in Noto CJK KR beside FreeFont's Latin, breaking lines between words.
KOREAN = r"""
\usepackage{luatexko}
\setmainhangulfont%(serif)s
\setsanshangulfont%(sans)s
\setmonohangulfont%(sans)s
\setmainhanjafont%(serif)s
\setsanshanjafont%(sans)s
\setmonohanjafont%(sans)s
"""

# A script in a Noto family, shaped by HarfBuzz as that script (Arabic letters join only so); what the family
# lacks (Latin letters, quotes) comes from FreeFont, in the same weight, and the signs FreeFont lacks too from DejaVu.
NOTO = r"""
\directlua{
  luaotfload.add_fallback("triglotserif", {"file:FreeSerif.otf:mode=harf;", "file:DejaVuSans.ttf:mode=harf;"})
  luaotfload.add_fallback("triglotserifbold", {"file:FreeSerifBold.otf:mode=harf;", "file:DejaVuSans.ttf:mode=harf;"})
  luaotfload.add_fallback("triglotsans", {"file:FreeSans.otf:mode=harf;", "file:DejaVuSans.ttf:mode=harf;"})
  luaotfload.add_fallback("triglotsansbold", {"file:FreeSansBold.otf:mode=harf;", "file:DejaVuSans.ttf:mode=harf;"})
  luaotfload.add_fallback("triglotmono", {"file:%(sans)s-Regular.ttf:mode=harf;", "file:DejaVuSansMono.ttf:mode=harf;"})
}
\setmainfont{%(serif)s}[Extension=.ttf, UprightFont=*-Regular, BoldFont=*-Bold, Renderer=HarfBuzz, Script=%(writing)s,
  UprightFeatures={RawFeature={fallback=triglotserif}}, BoldFeatures={RawFeature={fallback=triglotserifbold}}]
\setsansfont{%(sans)s}[Extension=.ttf, UprightFont=*-Regular, BoldFont=*-Bold, Renderer=HarfBuzz, Script=%(writing)s,
  UprightFeatures={RawFeature={fallback=triglotsans}}, BoldFeatures={RawFeature={fallback=triglotsansbold}}]
"""


def emoji_commands(text: str) -> str:
    """*text* (LaTeX read in the preamble) with each emoji as ``\\triglotemoji`` (its character in PDF strings)."""
    return "".join(rf"\texorpdfstring{{\triglotemoji{{{ord(char):x}}}{{{char}}}}}{{{char}}}"
                   if ord(char) in EMOJI_CODES else char for char in text)


def babel_setup(main: PdfLanguage, others: list[PdfLanguage], class_option: str = "") -> str:
    """The ``babel`` element: *main* as the document's language, *others* (the source language) loaded too.

    Sphinx passes its own babel name for the language (*class_option*) to the document class, and babel
    would load that language's .ldf too: where it is not *main*'s (``hebrew``, whose .ldf is for 8-bit
    TeX; ``vietnam``), it is taken out of the class's options first.
    """
    lines = []
    if class_option and (main.ini or class_option != main.babel) and class_option not in (o.babel for o in others):
        lines.append(rf"\makeatletter\@expandtwoargs\@removeelement{{{class_option}}}{{\@classoptionslist}}"
                     r"\@classoptionslist\makeatother")
    ldf = [other.babel for other in others if not other.ini]
    options = [*ldf, *(["bidi=basic"] if main.rtl or any(other.rtl for other in others) else [])]
    provided = [rf"\babelprovide[import]{{{other.babel}}}" for other in others if other.ini]
    if main.ini:
        lines += [rf"\usepackage[{','.join(options)}]{{babel}}", *provided,
                  rf"\babelprovide[import, main]{{{main.babel}}}"]
    else:
        lines += [rf"\usepackage[{','.join([*options, 'main=' + main.babel])}]{{babel}}", *provided]
    return "\n".join(lines)


def font_setup(language: PdfLanguage) -> str:
    """The ``fontpkg`` element: the fonts of *language*'s script (see :mod:`triglot.pdf_languages`)."""
    if language.script == "noto":
        return (NOTO % {"serif": language.serif, "sans": language.sans, "writing": language.writing}
                + FREEMONO % {"fallback": ",\n  RawFeature={fallback=triglotmono}"} + EMOJI)
    fonts = FREEFONT + FREEMONO % {"fallback": ", RawFeature={fallback=triglotsymbolsmono}"} + EMOJI
    if language.script in ("chinese", "korean"):
        cjk = {"serif": CJK_FONT % (language.serif, language.font_index),
               "sans": CJK_FONT % (language.sans, language.font_index)}
        return fonts + (KOREAN if language.script == "korean" else CHINESE) % cjk
    return fonts + HARANOAJI
