"""python -m leidraadsite.nabouw site/ [-f mkdocs.yml]: de stap na de bouw (zie leidraadsite.nabouw.stappen)."""

import os
import sys

from leidraadsite.nabouw.stappen import main

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
sys.exit(main())
