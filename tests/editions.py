"""A translated copy of the project, built once per test session in every format.

The Russian and Japanese catalogs are being translated; until they are, the
copy fills a few untranslated entries with the test translations below (the
title, author and dateline, the first paragraphs, the paragraphs holding the
key terms Хасимото and 広報文化外交, the back matter's headings), so the PDF
and EPUB tests exercise Cyrillic and Japanese typesetting either way.
Entries the translators have translated are left as they are.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from conftest import build_once, copy_project, run_triglot

NBSP = "\u00a0"
# The session's build is dated by SOURCE_DATE_EPOCH (the article's date), so that it is reproducible: a build
# of the same inputs elsewhere must give the same files (test_reproducible.py). Builds on top of it use it too.
EPOCH = "1390262400"
EPOCH_ENV = {"SOURCE_DATE_EPOCH": EPOCH}

TEST_TRANSLATIONS: dict[str, dict[str, str]] = {
    "ru": {
        "Japan's Soft Power in Central Asia": "Мягкая сила Японии в Центральной Азии",
        "Olga Dobrinskaya": "Ольга Добринская",
        "Institute of Far Eastern Studies, Russian Academy of Sciences, :pubdate:`2014-01-21`":
            "Институт Дальнего Востока РАН, :pubdate:`2014-01-21`",
        "Notes": "Примечания",
        "Glossary": "Глоссарий",
        "Editorial notes": "Редакционные примечания",
        "Colophon": "Выходные сведения",
    },
    "ja": {
        "Japan's Soft Power in Central Asia": "中央アジアにおける日本のソフトパワー",
        "Olga Dobrinskaya": "オリガ・ドブリンスカヤ",
        "Institute of Far Eastern Studies, Russian Academy of Sciences, :pubdate:`2014-01-21`":
            "ロシア科学アカデミー極東研究所、:pubdate:`2014-01-21`",
        "Notes": "注",
        "Glossary": "用語集",
        "Editorial notes": "編集注記",
        "Colophon": "奥付",
    },
}

# Paragraphs, found by their opening words (the msgids are long).
TEST_PARAGRAPHS: dict[str, dict[str, str]] = {
    "ru": {
        ":term:`Soft power <soft power>` in modern international relations":
            f":term:`Мягкая сила <soft power>` в современных международных отношениях{NBSP}— значимая часть "
            "успешной внешней политики. Понятие «мягкой силы», введённое профессором Гарвардского университета "
            "Джозефом Наем в 1990 г., означает способность добиваться желаемого результата, воздействуя на "
            "поведение других акторов не принуждением, а сотрудничеством и убеждением.",
        "The soft power of a country rests primarily on three resources":
            "Мягкая сила страны опирается прежде всего на три ресурса: её культуру (там, где она привлекательна "
            "для других), её политические ценности (когда страна следует им у себя и за рубежом) и её внешнюю "
            "политику (когда она воспринимается как легитимная и обладающая моральным авторитетом).\\ [1]_",
        "It was cultural and historical significance of Central Asia":
            "Именно культурно-историческое значение Центральной Азии как пути, по которому буддизм пришёл "
            "в Японию, легло в основу первых инициатив в регионе [5]_. Один из творцов японской дипломатии "
            "в Центральной Азии Т. Хиросэ отмечает, что поначалу Токио подчёркивал «микрокосмический характер» "
            "региона и его ценность для человеческой цивилизации. С началом :term:`евразийской дипломатии "
            "<Eurasian diplomacy>` акцент был сделан на исторических и культурных связях с Японией, которые "
            "стали обоснованием после начала :term:`дипломатии Шёлкового пути <Silk Road diplomacy>` "
            "в 1997 г.\\ [6]_ В речи, положившей начало евразийской дипломатии, бывший премьер-министр Хасимото "
            "особо подчеркнул «глубоко укоренившуюся в Японии ностальгию по этому региону, восходящую к славным "
            "дням Шёлкового пути».\\ [7]_",
        "An important tool in the projection of soft power":
            f"Важный инструмент проецирования мягкой силы{NBSP}— :term:`культурная <cultural diplomacy>` и "
            ":term:`публичная дипломатия <public diplomacy>`. В Японии они тесно связаны: в материалах МИД "
            "их называют публичной культурной дипломатией (:term:`кохо бунка гайко <kōhō bunka gaikō>`, "
            "広報文化外交). По словам профессора С. Кондо, японцы преуспевают в том, чтобы косвенно и негромко "
            "представлять систему ценностей, составляющую ресурсы их мягкой силы, через художественное "
            "выражение и создание вещей, но слабы в прямом и напористом изложении своей философии в форме "
            "идей и слов [15]_. Поэтому культурная дипломатия особенно важна для понимания мягкой силы Японии.",
        "Address by Prime Minister Ryutaro Hashimoto":
            "Речь премьер-министра Рютаро Хасимото в Японской ассоциации корпоративных руководителей"
            f"{NBSP}— 24 июля 1997 г.",
    },
    "ja": {
        ":term:`Soft power <soft power>` in modern international relations":
            "現代の国際関係において、\\ :term:`ソフトパワー <soft power>`\\ は外交政策の成功に欠かせない要素である。"
            "ハーバード大学のジョセフ・ナイ教授が1990年に提唱した「ソフトパワー」の概念は、強制ではなく協力と説得に"
            "よって他のアクターの行動に影響を与え、望ましい結果を得る能力を指す。",
        "The soft power of a country rests primarily on three resources":
            "ある国のソフトパワーは、主として三つの資源に依拠する。すなわち、その文化（他者にとって魅力的である場合）、"
            "政治的価値観（国内外でそれに恥じない行動をとっている場合）、そして外交政策（正当で道徳的権威を有すると"
            "見なされる場合）である。\\ [1]_",
        "An important tool in the projection of soft power":
            "ソフトパワーの投射における重要な手段は、\\ :term:`文化外交 <cultural diplomacy>`\\ と"
            "\\ :term:`パブリック・ディプロマシー <public diplomacy>`\\ である。日本では両者は密接に結びついており、"
            "外務省の資料では\\ :term:`広報文化外交 <kōhō bunka gaikō>`\\ と呼ばれている。近藤誠一教授によれば、"
            "日本人は自らのソフトパワーの資源である価値体系を、芸術的表現やものづくりを通じて間接的かつ静かに示すことに"
            "長けている一方、思想や言葉の形で自らの哲学を直接的かつ積極的に発信することは苦手である\\ [15]_\\ 。"
            "したがって、日本のソフトパワーを理解するうえで文化外交は特に重要である。",
    },
}


def translate_copy(root: Path, lang: str, catalog: str = "article") -> int:
    """Fill the untranslated entries of *root*'s *lang* catalog from the test translations; returns how many."""
    path = root / "locale" / lang / "LC_MESSAGES" / f"{catalog}.po"
    po = polib.pofile(str(path))
    filled = 0
    for entry in po:
        if entry.translated() or entry.obsolete:
            continue
        msgstr = TEST_TRANSLATIONS[lang].get(entry.msgid) or next(
            (text for start, text in TEST_PARAGRAPHS[lang].items() if entry.msgid.startswith(start)), None)
        if msgstr:
            entry.msgstr = msgstr
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            filled += 1
    po.save(str(path))
    return filled


def translated_project(target: Path) -> Path:
    """A copy of the project in *target* with the test translations filled in."""
    root = copy_project(target)
    for lang in TEST_TRANSLATIONS:
        translate_copy(root, lang)
    return root


_BUILT: dict[str, Path] = {}


def editions_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The translated copy, built once per test run in HTML, PDF and EPUB under :data:`EPOCH` (shared by the test
    modules and, through :func:`conftest.build_once`, by pytest-xdist's workers)."""
    if "root" not in _BUILT:
        _BUILT["root"] = build_once(tmp_path_factory, "editions", build_editions)
    return _BUILT["root"]


def build_editions(folder: Path) -> Path:
    """The translated copy in *folder*, built in every format."""
    root = translated_project(folder / "project")
    completed = run_triglot("build", "--format", "html", "--format", "pdf", "--format", "epub", cwd=root,
                            env=EPOCH_ENV)
    assert completed.returncode == 0, completed.stderr
    return root
