"""How the PDF of each language Sphinx supports is typeset: babel language, fonts, Debian packages.

One entry per language of Sphinx's own translations (``sphinx/locale``):
babel's name for it, whether babel loads it from a language file (``.ldf``)
or from its locale data (``\\babelprovide`` with a ``babel-<tag>.ini``, which
ships with babel itself), the way its script is set and its font families,
and the file of each Debian package it needs beyond the base set-up
(:data:`triglot.build.tex.TEX_FILES`). The packages were read from the
packages' own file lists (``apt-get download PKG && dpkg -c``); the tests
check each entry against them (``tests/data/tex-package-files.txt``).

Scripts:

* ``western``: Latin, Cyrillic and Greek in FreeFont (FreeSerif, FreeSans,
  FreeMono), as every edition's Latin text; LuaTeX-ja with the HaranoAji
  fonts for any Japanese quoted in it.
* ``japanese``: LuaTeX-ja with HaranoAji (kinsoku, Japanese–Latin spacing).
* ``chinese``: LuaTeX-ja's line breaking (kinsoku) with Noto Serif/Sans CJK
  SC, TC or HK.
* ``korean``: luatexko (breaks between words, Korean spacing) with Noto
  Serif/Sans CJK KR.
* ``noto``: a Noto family for a script FreeFont lacks or sets poorly,
  shaped by HarfBuzz, with FreeFont for the Latin text in it; right to left
  with babel's bidi for Arabic, Persian, Urdu and Hebrew.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FREEFONT = "fonts-freefont-otf"
NOTO_CJK = "fonts-noto-cjk"
NOTO = "fonts-noto-core"


@dataclass(frozen=True)
class PdfLanguage:
    """How one language's PDF is typeset."""

    babel: str  # babel's name of the language
    ini: bool = False  # loaded with \babelprovide from babel's locale data, not from an .ldf
    script: str = "western"  # western, japanese, chinese, korean or noto (see the module docstring)
    # The font files of the main (serif) and the sans-serif family: FreeSerif.otf, NotoSerifBengali-Regular.ttf
    # and -Bold.ttf, NotoSerifCJK-Regular.ttc and -Bold.ttc (the family of *region* in them).
    serif: str = "FreeSerif"
    sans: str = "FreeSans"
    region: str = ""  # Noto CJK's region (SC, TC, HK, KR): which font of its collections
    writing: str = ""  # the script HarfBuzz shapes a Noto family's text as (fontspec's Script: Arabic, Bengali…)
    rtl: bool = False  # written right to left
    # The files the language needs beyond the base set-up, with the Debian package of each.
    files: dict[str, str] = field(default_factory=dict)

    @property
    def babel_file(self) -> str:
        """The file babel loads the language from (its .ldf, or the locale's .tex pointing at its .ini)."""
        if self.ini:
            return f"babel-{self.babel}.tex"
        return next((name for name in self.files if name.endswith(".ldf")), f"{self.babel}.ldf")

    @property
    def font_name(self) -> str:
        """The main font's PostScript name, less its style: what a PDF names it (``NotoSerifCJKsc``)."""
        return self.serif + self.region.lower()

    @property
    def font_index(self) -> int:
        """The font's index in Noto CJK's collections (``NotoSerifCJK-Regular.ttc``)."""
        return CJK_REGIONS.index(self.region)

    @property
    def packages(self) -> list[str]:
        """The Debian packages the language needs beyond the base set-up."""
        return sorted(set(self.files.values()))


def _ldf(babel: str, package: str, file: str | None = None) -> PdfLanguage:
    """A language set in FreeFont, loaded from *package*'s .ldf (*file*: when not named after the language)."""
    return PdfLanguage(babel, files={file or f"{babel}.ldf": package})


# The order of the fonts in Noto CJK's collections (NotoSerifCJK-Regular.ttc…).
CJK_REGIONS = ("JP", "KR", "SC", "TC", "HK")


def _cjk(babel: str, region: str, script: str = "chinese") -> PdfLanguage:
    """A Chinese or Korean language set in Noto CJK's *region* (SC, TC, HK or KR) fonts."""
    engine = ({"luatexko.sty": "texlive-luatex", "kolabels-utf.sty": "texlive-lang-korean"} if script == "korean"
              else {"luatexja-fontspec.sty": "texlive-lang-japanese"})
    return PdfLanguage(babel, ini=True, script=script, serif="NotoSerifCJK", sans="NotoSansCJK", region=region,
                       files={"NotoSerifCJK-Regular.ttc": NOTO_CJK, "NotoSansCJK-Regular.ttc": NOTO_CJK, **engine})


def _noto(babel: str, writing: str, serif: str, sans: str, rtl: bool = False) -> PdfLanguage:
    """A language in the script *writing* set in two Noto families (the stems of their files: ``NotoSerifBengali``)."""
    return PdfLanguage(babel, ini=True, script="noto", serif=serif, sans=sans, writing=writing, rtl=rtl,
                       files={f"{serif}-Regular.ttf": NOTO, f"{sans}-Regular.ttf": NOTO})


CYRILLIC = "texlive-lang-cyrillic"
EUROPEAN = "texlive-lang-european"
OTHER = "texlive-lang-other"

# The languages of Sphinx's translations (sphinx/locale), by Sphinx's code.
LANGUAGES: dict[str, PdfLanguage] = {
    "ar": _noto("arabic", "Arabic", "NotoNaskhArabic", "NotoSansArabic", rtl=True),
    "bg": _ldf("bulgarian", CYRILLIC),
    "bn": _noto("bengali", "Bengali", "NotoSerifBengali", "NotoSansBengali"),
    "ca": _ldf("catalan", "texlive-lang-spanish"),
    "cak": PdfLanguage("english"),  # Kaqchikel: neither babel nor polyglossia has it; English hyphenation
    "cs": _ldf("czech", "texlive-lang-czechslovak"),
    "cy": _ldf("welsh", EUROPEAN),
    "da": _ldf("danish", EUROPEAN),
    "de": _ldf("ngerman", "texlive-lang-german"),
    "el": _ldf("greek", "texlive-lang-greek"),
    "en": PdfLanguage("english"),
    "en_GB": PdfLanguage("british"),
    "eo": _ldf("esperanto", OTHER),
    "es": _ldf("spanish", "texlive-lang-spanish"),
    "et": _ldf("estonian", EUROPEAN),
    "eu": _ldf("basque", "texlive-lang-french"),
    "fa": _noto("persian", "Arabic", "NotoNaskhArabic", "NotoSansArabic", rtl=True),
    "fi": _ldf("finnish", EUROPEAN),
    "fr": _ldf("french", "texlive-lang-french"),
    "gl": _ldf("galician", "texlive-lang-spanish"),
    "he": _noto("hebrew", "Hebrew", "NotoSerifHebrew", "NotoSansHebrew", rtl=True),
    "hi": _noto("hindi", "Devanagari", "NotoSerifDevanagari", "NotoSansDevanagari"),
    "hr": _ldf("croatian", EUROPEAN),
    "hu": _ldf("magyar", EUROPEAN),
    "id": _ldf("bahasai", OTHER),
    "is": _ldf("icelandic", EUROPEAN),
    "it": _ldf("italian", "texlive-lang-italian"),
    "ja": PdfLanguage("japanese", script="japanese", files={"japanese.ldf": "texlive-lang-japanese",
                                                                 "ltjsarticle.cls": "texlive-lang-japanese"}),
    "ka": _noto("georgian", "Georgian", "NotoSerifGeorgian", "NotoSansGeorgian"),
    "ko": _cjk("korean", "KR", script="korean"),
    "lt": _ldf("lithuanian", EUROPEAN),
    "lv": _ldf("latvian", EUROPEAN),
    "mk": _ldf("macedonian", EUROPEAN),
    "nb": _ldf("norsk", EUROPEAN),
    "ne": _noto("nepali", "Devanagari", "NotoSerifDevanagari", "NotoSansDevanagari"),
    "nl": _ldf("dutch", EUROPEAN),
    "no": _ldf("norsk", EUROPEAN),
    "pl": _ldf("polish", "texlive-lang-polish"),
    "pt": _ldf("portuges", "texlive-lang-portuguese"),
    "pt_BR": _ldf("brazil", "texlive-lang-portuguese"),
    "ro": _ldf("romanian", EUROPEAN),
    "ru": _ldf("russian", CYRILLIC, "russianb.ldf"),
    "si": _noto("sinhala", "Sinhala", "NotoSerifSinhala", "NotoSansSinhala"),
    "sk": _ldf("slovak", "texlive-lang-czechslovak"),
    "sl": _ldf("slovene", EUROPEAN),
    "sq": _ldf("albanian", EUROPEAN),
    "sr": _ldf("serbianc", CYRILLIC),
    "sr@latin": _ldf("serbian", CYRILLIC),
    "sv": _ldf("swedish", EUROPEAN),
    "ta": _noto("tamil", "Tamil", "NotoSerifTamil", "NotoSansTamil"),
    "te": _noto("telugu", "Telugu", "NotoSerifTelugu", "NotoSansTelugu"),
    "tr": _ldf("turkish", EUROPEAN),
    "uk": _ldf("ukrainian", CYRILLIC, "ukraineb.ldf"),
    "ur": _noto("urdu", "Arabic", "NotoNastaliqUrdu", "NotoSansArabic", rtl=True),
    "vi": _ldf("vietnamese", OTHER),
    "yue": _cjk("chinese-traditional", "HK"),  # babel's Cantonese locale has no captions ("?contents?")
    "zh_CN": _cjk("chinese-simplified", "SC"),
    "zh_HK": _cjk("chinese-traditional", "HK"),
    "zh_TW": _cjk("chinese-traditional", "TC"),
}


def entry(lang: str) -> PdfLanguage | None:
    """The entry of *lang* (``pt_BR``, ``de_DE``, ``uk_UA``, ``zh_TW.Big5``: the full code, else its language),
    or None."""
    code = lang.replace("-", "_").split(".")[0]
    return LANGUAGES.get(code) or LANGUAGES.get(code.split("@")[0].split("_")[0])


def language_name(lang: str) -> str:
    """The language's English name for a message (``Korean``), from babel's; the code when unknown."""
    found = entry(lang)
    return NAMES.get(lang.split("_")[0], found.babel.capitalize() if found else lang)


# English names where babel's differ (babel's name capitalized serves the others).
NAMES = {"de": "German", "hu": "Hungarian", "id": "Indonesian", "nb": "Norwegian", "no": "Norwegian",
         "pt": "Portuguese", "sl": "Slovenian", "sr": "Serbian", "yue": "Cantonese", "zh": "Chinese"}
