"""Fail early, and say what to install, when the ``testing`` extra is missing."""

import importlib.util

for _needed in ("hypothesis", "translitua", "iuliia"):
    if importlib.util.find_spec(_needed) is None:
        raise ImportError(
            f"discrep.testing needs {_needed!r}, which is not installed: "
            'install the extra with  pip install "discrep[testing]"'
        )
