"""`python -m effectif.rules.payroll`: see `cli.py`."""

import sys

from effectif.rules.payroll.cli import main

sys.exit(main())
