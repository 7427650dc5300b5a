"""The ``triglot`` command: parses arguments, calls the library, prints, sets the exit code.

Exit codes, the same for every command: 0 success or clean, 1 findings or a
failed build, 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from triglot import __version__
from triglot.errors import TriglotError

from . import add_language, assemble, build, check, exchange, glossary, packages, serve, stats, update

COMMANDS = [build, assemble, update, check, stats, glossary, exchange, add_language, serve, packages]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="triglot",
        description="Build, update and check the parallel editions of a Sphinx project.",
        epilog="Exit codes: 0 success, 1 findings or a failed build, 2 bad usage or unreadable input.",
    )
    parser.add_argument("--version", action="version", version=f"triglot {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also used by the console script)."""
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except TriglotError as error:
        print(f"triglot: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("triglot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
