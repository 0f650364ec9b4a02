"""Collection for the whole tree: an optional extra's module is left out when it is missing.

(``src/discrep/dask.py`` raises ImportError naming the extra to install; its doctest runs
when ``discrep[dask]`` is installed, as in ``.ci/run``.)
"""

import importlib.util

collect_ignore = [] if importlib.util.find_spec("distributed") else ["src/discrep/dask.py"]
