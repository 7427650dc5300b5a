"""``python -m triglot``: the same as the ``triglot`` command."""

import sys

from triglot.cli import main

sys.exit(main())
