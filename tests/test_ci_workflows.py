"""The CI configurations kept in the repository: each valid under its service's published schema (offline, the
schemas vendored by check-jsonschema), in step with the project, and their commands working as written.

The assemble jobs' commands are run in ``test_assemble_identical.py``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ci_jobs import GITHUB_WORKFLOW, GITLAB_CI, READTHEDOCS, load, run_shell_commands, runner_env
from conftest import ROOT, copy_project, run_triglot
from html_text import read_page
from triglot.build.editions import FORMATS, plan
from triglot.build.tex_sandbox import font_cache
from triglot.config import load_settings

BIN = Path(sys.executable).parent


@pytest.mark.parametrize("path, schemas", [
    (GITHUB_WORKFLOW, ["vendor.github-workflows", "custom.github-workflows-require-timeout"]),
    (GITLAB_CI, ["vendor.gitlab-ci"]),
    (READTHEDOCS, ["vendor.readthedocs"]),
])
def test_each_configuration_passes_its_published_schema(path: Path, schemas: list[str]) -> None:
    for schema in schemas:
        completed = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
                                   capture_output=True, text=True)
        assert (completed.returncode, completed.stdout.strip()) == (0, "ok -- validation done"), completed.stdout


def test_the_schemas_catch_a_broken_workflow(tmp_path: Path) -> None:
    """The schema check can fail: a job without runs-on, a step with both uses and run."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - uses: actions/checkout@v4\n        run: ls\n",
                      encoding="utf-8")
    completed = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                                str(broken)], capture_output=True, text=True)
    assert completed.returncode == 1
    assert "Schema validation errors were encountered." in completed.stdout


def test_the_matrices_build_every_language_in_every_format() -> None:
    settings = load_settings(ROOT)
    github = load(GITHUB_WORKFLOW)["jobs"]["build"]["strategy"]["matrix"]
    assert (github["lang"], github["format"]) == (list(settings.languages), list(FORMATS))
    gitlab = load(GITLAB_CI)["edition"]["parallel"]["matrix"]
    assert gitlab == [{"EDITION": list(settings.languages), "FORMAT": list(FORMATS)}]


def test_the_assemble_jobs_publish_what_the_build_jobs_upload() -> None:
    github = load(GITHUB_WORKFLOW)["jobs"]
    upload = next(step for step in github["build"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    download = next(step for step in github["assemble"]["steps"]
                    if step.get("uses", "").startswith("actions/download-artifact"))
    assert upload["with"]["path"] == "parts/" and upload["with"]["name"].startswith("part-")
    assert download["with"] == {"pattern": "part-*", "path": "parts", "merge-multiple": True}
    pages = next(step for step in github["assemble"]["steps"]
                 if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert pages["with"]["path"] == "build/site"
    assert [step["uses"] for step in github["deploy"]["steps"]] == ["actions/deploy-pages@v4"]
    gitlab = load(GITLAB_CI)
    assert gitlab["edition"]["artifacts"]["paths"] == ["parts/"]
    assert gitlab["pages"]["needs"] == ["edition"] and gitlab["pages"]["artifacts"]["paths"] == ["public"]


def test_the_font_caches_restored_are_those_the_pdf_build_writes() -> None:
    """Each PDF build writes LuaTeX's font caches (luaotfload's, LuaTeX-ja's) into its edition's own folder only;
    the first run on a machine spends about 25 s making them, so both CI configurations keep them."""
    settings = load_settings(ROOT)
    (edition,) = plan(settings, ["ru"], ["pdf"])
    written = font_cache(edition.output).relative_to(settings.root).as_posix()
    assert written == "build/cache/ru/texmf-var"
    build = load(GITHUB_WORKFLOW)["jobs"]["build"]
    cache = next(step for step in build["steps"] if step.get("name") == "Restore LuaTeX's font caches")
    assert cache["with"]["path"] == written.replace("ru", "${{ matrix.lang }}")
    assert cache["if"] == "matrix.format == 'pdf'"
    assert load(GITLAB_CI)["edition"]["cache"][1]["paths"] == [written.replace("ru", "$EDITION")]


def test_the_read_the_docs_commands_build_one_edition_where_read_the_docs_serves_it(tmp_path: Path) -> None:
    """Read the Docs serves each edition, a project of its own, at /<lang>/<version>/: the links between the
    editions go there, and the assembled site's own pages (parallel view, status page) are not linked."""
    root = copy_project(tmp_path / "project")
    output = tmp_path / "readthedocs-output"
    config = load(READTHEDOCS)
    assert config["build"]["jobs"]["install"] == ["pip install ."]
    run_shell_commands(config["build"]["jobs"]["build"]["html"], root,
                       {**runner_env(), "PATH": f"{BIN}:{os.environ['PATH']}", "READTHEDOCS": "True",
                        "READTHEDOCS_VERSION": "latest", "READTHEDOCS_LANGUAGE": "ru",
                        "READTHEDOCS_OUTPUT": str(output)})
    html = output / "html"
    assert read_page(html / "index.html").html_lang == "ru"
    assert (html / "glossary.html").is_file() and not (html / "ru").exists()
    page = (html / "colophon.html").read_text(encoding="utf-8")
    assert re.findall(r'class="triglot-edition-link" href="([^"]+)"', page)[:2] == [
        "../../en/latest/colophon.html", "../../ja/latest/colophon.html"]
    assert "triglot-parallel-link" not in page and "status.html" not in page


def test_a_language_may_be_given_as_read_the_docs_writes_it(tmp_path: Path) -> None:
    """READTHEDOCS_LANGUAGE is lower case with a hyphen: pt-br for the project's pt_BR."""
    root = copy_project(tmp_path / "project")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('"ru", "ja"]', '"ru", "ja", "pt_BR"]'),
                         encoding="utf-8")
    completed = run_triglot("stats", "--lang", "pt-br", "--format", "json", cwd=root)
    assert completed.returncode == 0, completed.stderr
    assert [item["lang"] for item in json.loads(completed.stdout)] == ["pt_BR"]
