"""After a plain install the command works from any directory, with the packaged ontology and shapes.

ct2rdf alone is installed (``pip install --no-deps --target``) from the repository
into a temporary folder; its dependencies come from the test's own environment.
Run ``pytest -m "not slow"`` to skip this test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("install") / "site"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    cmd = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(ROOT)]
    subprocess.run(cmd, check=True, env=env)
    return site


def _run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    script = site / "bin" / "ct2rdf"
    cmd = [str(script)] if script.exists() and os.name != "nt" else [sys.executable, "-m", "ct2rdf"]
    return subprocess.run([*cmd, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_package_data_is_inside_the_package(installed):
    pkg = installed / "ct2rdf"
    for folder in ("ontology", "shapes"):
        assert sorted(p.name for p in (pkg / folder).glob("*.ttl")) == sorted(
            p.name for p in (ROOT / folder).glob("*.ttl")
        ), folder
    assert (pkg / "data" / "sc_resolution_years.csv").is_file()


def test_build_and_validate_from_another_directory(installed, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "docs")
    where = _run(installed, tmp_path, "--version")
    assert where.returncode == 0, where.stderr
    # the installed copy, not the checkout, is the one imported
    probe = subprocess.run([sys.executable, "-c", "import ct2rdf, ct2rdf.resources as r; "
                            "print(ct2rdf.__file__); print(r.resource_dir('shapes'))"],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(installed)},
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert all(Path(line).is_relative_to(installed) for line in probe), probe
    b = _run(installed, tmp_path, "build", "docs", "-o", "x.ttl")
    assert b.returncode == 0, b.stderr
    v = _run(installed, tmp_path, "validate", "x.ttl")
    assert v.returncode == 0, v.stdout + v.stderr
    assert v.stdout.startswith("Conforms: yes")
