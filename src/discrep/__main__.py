"""``python -m discrep``: the same as the ``discrep`` command."""

import sys

from discrep._cli import main

sys.exit(main())
