"""PDFs in languages of other scripts: a one-page project built to PDF in German, Hindi, Korean and Chinese
(babel's German from its own package; Devanagari in Noto with FreeFont's Latin; Hangul with luatexko;
Chinese with LuaTeX-ja and Noto CJK), read back with pdftotext (the translated sentences) and pdffonts (the
table's fonts embedded); the table checked against the packages' file lists; a language whose Debian package
is missing fails before LaTeX with the package named."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import run_triglot
from triglot import pdf_languages

TITLE = "Field notes"
NUMBER = "The river rose by 3 metres in 2024."
QUOTE = 'The guide said: "Stay on the path."'
# Index entries, not translated: a main one (the "!"), whose page number is set with \spxpagem, which the index
# style's preamble defines (the Operations Guide's glossary terms failed without it), and one under a letter
# outside ASCII (makeindex cut the Ü of the German Operations Guide's index in two bytes: invalid UTF-8).
INDEX_ENTRY = "riverbank"
UNICODE_ENTRY = "Überschwemmung"

# Each language's translations of TITLE, NUMBER and QUOTE (the Hindi title, set in
# sans, with a sign Noto Sans Devanagari and FreeSans lack, which DejaVu Sans has: ❯).
SAMPLES: dict[str, tuple[str, str, str]] = {
    "de": ("Feldnotizen", "Der Fluss stieg 2024 um 3 Meter.", "Der Führer sagte: „Bleiben Sie auf dem Weg.“"),
    "hi": ("क्षेत्र टिप्पणियाँ ❯", "2024 में नदी 3 मीटर बढ़ गई।", "गाइड ने कहा: “रास्ते पर ही रहें।”"),
    "ko": ("현장 기록", "2024년에 강물이 3미터 불어났다.", "안내인이 말했다. “길을 벗어나지 마세요.”"),
    "zh_CN": ("野外笔记", "2024年，河水上涨了3米。", "向导说：“请走在小路上。”"),
}


def write_catalog(path: Path, lang: str, texts: tuple[str, str, str]) -> None:
    """Write the PO catalog of *lang* translating the page's three texts into *path*."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": lang}
    for source, text in zip((TITLE, NUMBER, QUOTE), texts):
        po.append(polib.POEntry(msgid=source, msgstr=text))
    path.parent.mkdir(parents=True)
    po.save(str(path))


def make_project(root: Path, langs: list[str], samples: dict[str, tuple[str, str, str]] = SAMPLES,
                 source: str = "en") -> Path:
    """A one-page project (a title, a sentence with a number, one with a quote) in *source*, translated into
    *langs* (an empty text of *samples*: that message untranslated)."""
    (root / "docs").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        f'[tool.triglot]\nsource_language = {source!r}\nlanguages = {[source, *langs]!r}\ncatalog = "notes"\n'
        .replace("'", '"'), encoding="utf-8")
    (root / "docs" / "conf.py").write_text(
        'project = "Field notes"\nauthor = "Ada Example"\nextensions = ["triglot.sphinx"]\n'
        'locale_dirs = ["../locale/"]\ngettext_compact = "notes"\n', encoding="utf-8")
    (root / "docs" / "index.rst").write_text(f"{TITLE}\n{'=' * len(TITLE)}\n\n.. index:: ! {INDEX_ENTRY}\n.. index:: {UNICODE_ENTRY}\n\n"
                                             f"{NUMBER}\n\n{QUOTE}\n", encoding="utf-8")
    for lang in langs:
        write_catalog(root / "locale" / lang / "LC_MESSAGES" / "notes.po", lang, samples[lang])
    return root


# The files of the Debian packages the table names, from their own file lists (the file's header says how).
PACKAGE_FILES = Path(__file__).parent / "data" / "tex-package-files.txt"


@functools.cache
def package_files() -> dict[str, set[str]]:
    """The file names of each package listed in PACKAGE_FILES."""
    files: dict[str, set[str]] = {}
    for line in PACKAGE_FILES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            package, name = line.split(" ", 1)
            files.setdefault(package, set()).add(name)
    return files


def sphinx_languages() -> list[str]:
    """The languages of Sphinx's own translations (its locale folders)."""
    import sphinx

    locale = Path(sphinx.__file__).parent / "locale"
    return sorted(path.name for path in locale.iterdir() if (path / "LC_MESSAGES").is_dir())


def test_every_language_sphinx_translates_to_has_an_entry() -> None:
    languages = sphinx_languages()
    assert "ko" in languages and "zh_CN" in languages
    assert [lang for lang in languages if pdf_languages.entry(lang) is None] == []


@pytest.mark.parametrize("lang", sorted(pdf_languages.LANGUAGES))
def test_each_language_s_babel_language_and_fonts_are_in_its_packages(lang: str) -> None:
    entry = pdf_languages.LANGUAGES[lang]
    files = package_files()
    # babel's own locales (babel-<name>.tex) and English come with babel itself (texlive-latex-base).
    assert entry.babel_file in set().union(*(files[package] for package in [*entry.packages, "texlive-latex-base"]))
    # Its fonts (FreeFont's are the base set-up's) and styles.
    assert [(name, package) for name, package in entry.files.items() if name not in files[package]] == []


def installed(package: str) -> bool:
    """True when dpkg has *package* installed."""
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return status.stdout == "install ok installed"


def test_installed_packages_provide_the_files_the_table_names() -> None:
    """On this machine, kpsewhich finds each named file of an installed package, and dpkg says it is that
    package's (the recorded file lists agree with the packages as installed)."""
    named = {(name, package) for entry in pdf_languages.LANGUAGES.values() for name, package in entry.files.items()}
    checked = sorted((name, package) for name, package in named if installed(package))
    assert checked, "no package of the table is installed"
    paths = subprocess.run(["kpsewhich", *(name for name, _ in checked)], capture_output=True, text=True).stdout.split()
    listing = subprocess.run(["dpkg", "-S", *paths], capture_output=True, text=True).stdout.splitlines()
    owners = {Path(path).name: package for package, path in (line.split(": ", 1) for line in listing)}
    assert [(name, owners.get(name)) for name, _ in checked] == checked


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-page project with the PDFs of every language of SAMPLES built (once for the module)."""
    root = make_project(tmp_path_factory.mktemp("pdf-languages") / "project", list(SAMPLES))
    completed = run_triglot("build", "--format", "pdf", *(f"--lang={lang}" for lang in SAMPLES), cwd=root)
    assert completed.returncode == 0, completed.stderr
    return root


def compact(text: str) -> str:
    """*text* without white space (pdftotext breaks lines, and spaces some shaped Devanagari clusters)."""
    return "".join(text.split())


@pytest.mark.parametrize("lang", list(SAMPLES))
def test_the_pdf_holds_the_translated_sentences_in_the_language_s_fonts(built: Path, lang: str) -> None:
    pdf = built / "build" / "site" / lang / "downloads" / f"notes-{lang}.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert [compact(sentence) in compact(text) for sentence in SAMPLES[lang]] == [True, True, True]
    assert compact(QUOTE) not in compact(text)
    assert INDEX_ENTRY in text and UNICODE_ENTRY in text  # only in the index: the page's texts are translated
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    names = {line.split()[0].split("+")[-1] for line in fonts}
    assert f"{pdf_languages.LANGUAGES[lang].font_name}-Regular" in names or (
        pdf_languages.LANGUAGES[lang].script == "western" and "FreeSerif" in names)
    assert all(line.split()[-5] == "yes" for line in fonts)  # every font embedded
    if lang == "hi":  # the title's ❯, from DejaVu Sans
        assert "DejaVuSans" in names


def test_a_pdf_that_fails_after_a_good_build_leaves_the_earlier_one_published(built: Path, tmp_path: Path) -> None:
    root = shutil.copytree(built, tmp_path / "project")
    published = root / "build" / "site" / "de" / "downloads" / "notes-de.pdf"
    earlier = published.read_bytes()
    catalog = root / "locale" / "de" / "LC_MESSAGES" / "notes.po"  # a new translation, and TeX gone from the PATH
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("Feldnotizen", "Notizen"), encoding="utf-8")
    (tmp_path / "bin").mkdir()
    completed = run_triglot("build", "--lang", "de", "--format", "pdf", cwd=root, env={"PATH": str(tmp_path / "bin")})
    assert completed.returncode == 2
    report = completed.stderr.splitlines()
    assert "  de     pdf   FAILED" in report
    assert report[-1] == (f"triglot: nothing changed; site in {root / 'build' / 'site'}/ "
                          "(the earlier de pdf kept: failed in this build)")
    assert published.read_bytes() == earlier

def test_a_missing_language_package_is_named_before_latex_runs(tmp_path: Path) -> None:
    """A language whose Debian package is not installed here (dpkg says so): its PDF fails at once, naming
    the package; the build exits 2; its HTML edition builds."""
    absent = [(lang, entry) for lang, entry in sorted(pdf_languages.LANGUAGES.items())
              if any(not installed(package) for package in entry.packages)]
    if not absent:
        pytest.skip("every package of the table is installed here")
    lang, entry = absent[0]
    missing = [package for package in entry.packages if not installed(package)]
    root = make_project(tmp_path / "project", [lang], {lang: SAMPLES["de"]})
    completed = run_triglot("build", "--format", "pdf", "--format", "html", "--lang", lang, cwd=root)
    assert completed.returncode == 2, completed.stderr
    report = completed.stderr.splitlines()
    start = report.index(f"  {lang:<6} pdf   FAILED")
    name = pdf_languages.language_name(lang)
    assert report[start + 1] == (
        f"    the {name} PDF needs {' '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} missing here: "
        f"install the Debian {'package' if len(missing) == 1 else 'packages'} (sudo apt-get install "
        f"{' '.join(missing)}), or run ./dev build, which installs them; the other editions do not need "
        f"{'it' if len(missing) == 1 else 'them'}")
    assert f"  {lang:<6} html  ok  3/3 translated (100 %)" in report
    assert not (root / "build" / "logs" / f"{lang}-pdf.latex.log").exists()  # LaTeX never ran
