"""``triglot packages``: the Debian packages the project's editions need (what ./dev installs)."""

from __future__ import annotations

import argparse

from triglot.build.tex import needed_packages

from .common import add_lang_option, selected_languages, settings_from_cwd


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``packages`` command."""
    parser = commands.add_parser("packages", help="print the Debian packages the editions need",
                                 description="Print the Debian packages the project's PDF editions need (TeX Live, "
                                             "its languages, the fonts), one a line: what ./dev installs.")
    add_lang_option(parser, "for")
    parser.add_argument("--format", choices=["pdf"], required=True,
                        help="pdf (the HTML and EPUB editions need no Debian package)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the packages, one a line; 0."""
    settings = settings_from_cwd()
    for package in needed_packages(selected_languages(settings, args.langs)):
        print(package)
    return 0
