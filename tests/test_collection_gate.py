"""The collection gate (tests/collection_gate.py): a whole run that misses a tests/ folder fails."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _project(tmp_path: Path, testpaths: str) -> Path:
    """A tiny project: two apps with tests/, one of them left out of ``testpaths``."""
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "pyproject.toml").write_text(f"[tool.pytest.ini_options]\ntestpaths = {testpaths}\n")
    for app in ("one", "two"):
        (tmp_path / app / "tests").mkdir(parents=True)
        (tmp_path / app / "tests" / f"test_{app}.py").write_text("def test_it():\n    assert True\n")
    (tmp_path / "one" / "tests" / "test_slow.py").write_text(
        "import pytest\n\n@pytest.mark.slow\ndef test_slow():\n    assert True\n"
    )
    (tmp_path / "fixtures" / "tests").mkdir(parents=True)  # data folders are not searched
    (tmp_path / "fixtures" / "tests" / "test_data.py").write_text("")
    return tmp_path


def _pytest(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}  # fast: no Django
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.collection_gate", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_whole_run_missing_a_tests_folder_fails(tmp_path):
    result = _pytest(_project(tmp_path, '["one"]'))
    assert result.returncode == 1, result.stdout
    assert "ERROR: two/tests/ holds test_*.py files but no test was collected" in result.stdout
    assert "one/tests/ holds" not in result.stdout


def test_a_whole_run_collecting_every_folder_passes_even_with_deselection(tmp_path):
    project = _project(tmp_path, '["."]')
    assert _pytest(project).returncode == 0
    result = _pytest(project, "-m", "not slow", "-k", "not two")
    assert result.returncode == 0, result.stdout
    assert "ERROR" not in result.stdout


def test_running_one_file_is_not_judged(tmp_path):
    project = _project(tmp_path, '["."]')
    result = _pytest(project, "one/tests/test_one.py")
    assert result.returncode == 0, result.stdout


def test_the_gate_works_under_xdist(tmp_path):
    pytest.importorskip("xdist")
    result = _pytest(_project(tmp_path / "a", '["one"]'), "-p", "xdist", "-n", "2")
    assert result.returncode == 1, result.stdout
    assert "ERROR: two/tests/ holds test_*.py files" in result.stdout
    assert _pytest(_project(tmp_path / "b", '["."]'), "-p", "xdist", "-n", "2").returncode == 0
