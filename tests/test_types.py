"""The package type-checks: mypy in strict mode, as configured in pyproject.toml.

Run here so that the README's test command (and so CI) enforces it; `mypy` on its own in the
repository's root gives the same answer while you work.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_package_type_checks_strictly():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues found" in result.stdout
