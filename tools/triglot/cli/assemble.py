"""``triglot assemble``: publish a site from parts built elsewhere (``triglot build --part-out``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from triglot.site.assemble import assemble_parts

from .common import add_out_option, settings_from_cwd


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``assemble`` command."""
    parser = commands.add_parser(
        "assemble", help="publish a site from parts built elsewhere",
        description="Check that the parts (made by 'triglot build --part-out', one per edition and format, on "
                    "one machine or many) come from this checkout's sources and settings, place them, make the "
                    "site's own pages (root page, parallel view, status page, sitemap) and publish the site "
                    "atomically into build/site/. A part missing from the set keeps its published version; "
                    "without one it is an error.")
    parser.add_argument("parts", nargs="+", metavar="PART", help="a part folder, or a folder of part folders")
    add_out_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Assemble, report each part, return 0 when the site was published."""
    settings = settings_from_cwd(args.out)
    result = assemble_parts(settings, [Path(path) for path in args.parts])
    print(f"triglot: assembled {len(result.parts)} parts", file=sys.stderr)
    for part in result.parts:
        print(f"  {part.manifest.lang:<6} {part.manifest.format:<5} {part.origin}", file=sys.stderr)
    for key in result.kept:
        lang, fmt = key.split("/")
        print(f"  {lang:<6} {fmt:<5} missing: its published version is kept", file=sys.stderr)
    print(f"triglot: site in {result.site}/", file=sys.stderr)
    return 0
