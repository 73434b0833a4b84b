import sys

from leidraadsite.cli import main

sys.exit(main())
