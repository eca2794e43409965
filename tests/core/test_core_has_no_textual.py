"""Only warmup_tui.ui may import textual: the core must run without the UI loaded.

The modules are found on disk with pkgutil, so a new core module is covered the day it
is added. The check runs in a fresh interpreter: this test process may have loaded
textual already through other tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, os, pkgutil, sys
import warmup_tui

def core_modules(path, prefix):
    # iter_modules reads the folder without importing, so warmup_tui.ui is never loaded.
    for info in pkgutil.iter_modules(path, prefix):
        if info.name == "warmup_tui.ui" or info.name.startswith("warmup_tui.ui."):
            continue
        yield info.name
        if info.ispkg:
            yield from core_modules([os.path.join(info.module_finder.path,
                                                  info.name.rsplit(".", 1)[1])],
                                    info.name + ".")

names = list(core_modules(warmup_tui.__path__, "warmup_tui."))
culprits = []
for name in names:
    __import__(name)
    if "textual" in sys.modules and not culprits:
        culprits.append(name)
print(json.dumps({"modules": names, "culprits": culprits,
                  "textual": "textual" in sys.modules}))
"""


def test_no_core_module_imports_textual() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    # The walk must really have found the core, or the check below proves nothing.
    assert {"warmup_tui.engine.session", "warmup_tui.engine.timeline", "warmup_tui.cli.main",
            "warmup_tui.runs.headless"} <= set(report["modules"])
    assert not any(name.startswith("warmup_tui.ui") for name in report["modules"])
    assert report["culprits"] == [], f"{report['culprits'][0]} pulls in textual"
    assert report["textual"] is False
