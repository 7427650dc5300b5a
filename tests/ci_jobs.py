"""The CI configurations kept in the repository, read as CI services read them, and their commands run as they
run them: the tests run the jobs' own commands, never a copy of them."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

import yaml

from conftest import ROOT

GITHUB_WORKFLOW = ROOT / ".github" / "workflows" / "editions.yml"
GITLAB_CI = ROOT / ".gitlab-ci.yml"
READTHEDOCS = ROOT / ".readthedocs.yaml"
_EXPRESSION = re.compile(r"\$\{\{\s*(?P<name>[^}]*?)\s*\}\}")


def load(path: Path) -> dict:
    """A CI file's YAML (PyYAML reads GitHub's ``on:`` key as True; nothing here needs it)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def github_commands(job: str, matrix: dict[str, str] | None = None) -> list[str]:
    """The ``run:`` commands of *job* in the GitHub workflow, with ``${{ matrix.X }}`` filled in from *matrix*.

    Any other expression in a command is an error: the commands stay runnable as they are.
    """
    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if not name.startswith("matrix.") or matrix is None or name[len("matrix."):] not in matrix:
            raise AssertionError(f"a run command of {job} uses the expression {match.group()}")
        return matrix[name[len("matrix."):]]

    steps = load(GITHUB_WORKFLOW)["jobs"][job]["steps"]
    return [_EXPRESSION.sub(fill, step["run"]) for step in steps if "run" in step]


def run_github_commands(commands: list[str], cwd: Path, env: dict[str, str]) -> dict[str, str]:
    """Run *commands* one after the other as GitHub's runner does (bash -eo pipefail; a variable a step writes
    to ``$GITHUB_ENV`` is in the environment of the steps after it); returns the final environment."""
    env = dict(env)
    github_env = cwd.parent / f".github-env-{cwd.name}"
    for command in commands:
        github_env.write_text("", encoding="utf-8")
        completed = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command], cwd=cwd,
                                   env={**env, "GITHUB_ENV": str(github_env)}, capture_output=True, text=True)
        assert completed.returncode == 0, f"{command}\n{completed.stdout}\n{completed.stderr}"
        for line in github_env.read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition("=")
            env[name] = value
    return env


def gitlab_commands(job: str) -> list[str]:
    """The commands GitLab runs for *job*: the default ``before_script``, then the job's ``script``."""
    data = load(GITLAB_CI)
    before = data[job].get("before_script", data.get("default", {}).get("before_script", []))
    return [*before, *data[job]["script"]]


def run_shell_commands(commands: list[str], cwd: Path, env: dict[str, str]) -> None:
    """Run *commands* in one shell, stopping at the first that fails (as GitLab and Read the Docs do)."""
    script = "set -e\n" + "\n".join(commands)
    completed = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True)
    assert completed.returncode == 0, f"{script}\n{completed.stdout}\n{completed.stderr}"


def share_venv(clone: Path) -> None:
    """Let ``./dev`` in *clone* use this checkout's virtual environment, as a CI cache would restore it.

    ``./dev`` reinstalls into the environment when its stamp does not match
    the clone's ``pyproject.toml``: that would install the clone into the
    shared environment, so it is refused here.
    """
    venv = ROOT / ".venv"
    wanted = hashlib.sha256((clone / "pyproject.toml").read_bytes()).hexdigest()
    stamp = venv / ".triglot-installed"
    assert stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == wanted, (
        "the virtual environment is not installed from this pyproject.toml: run ./dev test")
    (clone / ".venv").symlink_to(venv)


def runner_env() -> dict[str, str]:
    """The environment of a CI step: this one, without the variables a test run sets."""
    return {name: value for name, value in os.environ.items()
            if name not in ("SOURCE_DATE_EPOCH", "GITHUB_ENV") and not name.startswith("PYTEST_")}
