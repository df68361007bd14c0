"""A pytest plugin: the whole-project run fails when a ``tests`` folder with ``test_*.py`` files yields no test.

Collection is automatic (``testpaths = ["."]``); this gate catches what would silently fall out of it again:
a folder left out by ``norecursedirs``, a file pattern that no longer matches, a module whose tests are all
named so that pytest does not see them. It only judges runs of the whole project (``pytest`` with no path
arguments, as ``make test`` runs it): running one file or one folder is not a whole run. Tests deselected
with ``-m`` or ``-k`` were collected, so they count.

Under pytest-xdist the workers collect; each reports the folders it found empty and the controller fails
the run. Loaded from the root ``conftest.py`` (``pytest_plugins``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Folders never searched for ``tests`` folders (the same as ``norecursedirs`` in pyproject.toml).
SKIP_DIRS = {".venv", "venv", ".git", "node_modules", "staticfiles", "media", "fixtures", "__pycache__"}
KEY = "sakip_uncollected_test_folders"
_found = pytest.StashKey[list[str]]()
_seen = pytest.StashKey[set[str]]()


def folders_with_tests(root: Path) -> list[Path]:
    """Every folder named ``tests`` under ``root`` that holds at least one ``test_*.py`` file."""
    folders = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        if Path(dirpath).name == "tests" and any(f.startswith("test_") and f.endswith(".py") for f in filenames):
            folders.append(Path(dirpath))
    return folders


def uncollected(root: Path, item_paths: set[Path]) -> list[str]:
    """The test folders under ``root`` that none of ``item_paths`` (paths of collected tests) lies in."""
    return [
        str(folder.relative_to(root))
        for folder in folders_with_tests(root)
        if not any(folder == p or folder in p.parents for p in item_paths)
    ]


def _whole_run(config: pytest.Config) -> bool:
    return config.args_source == pytest.Config.ArgsSource.TESTPATHS


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_seen] = set()


def pytest_deselected(items: list[pytest.Item]) -> None:
    if items:
        items[0].config.stash[_seen].update(str(item.path) for item in items)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Runs after deselection: the tests kept plus the ones deselected are the ones collected."""
    seen = {Path(p) for p in session.config.stash[_seen]} | {item.path for item in session.items}
    missing = uncollected(session.config.rootpath, seen)
    session.config.stash[_found] = missing
    if hasattr(session.config, "workeroutput"):  # an xdist worker: tell the controller
        session.config.workeroutput[KEY] = missing


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:  # xdist controller: a worker finished
    missing = getattr(node, "workeroutput", {}).get(KEY)
    if missing is not None:
        node.config.stash[_found] = missing


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if hasattr(config, "workeroutput") or not _whole_run(config):
        return
    missing = config.stash.get(_found, None)
    if missing and session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    if hasattr(config, "workeroutput") or not _whole_run(config):
        return
    for folder in config.stash.get(_found, None) or []:
        terminalreporter.write_line(
            f"ERROR: {folder}/ holds test_*.py files but no test was collected from it "
            "(check testpaths, norecursedirs and python_files in pyproject.toml)",
            red=True,
            bold=True,
        )
