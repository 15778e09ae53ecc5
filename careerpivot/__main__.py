"""``python -m careerpivot``."""

import sys

from careerpivot.app import main

sys.exit(main())
