"""Views write no domain data themselves: every write goes through a service (one transaction, the locks it
needs, the audit entry). This reads the source of every view module and fails on a call that writes:
``.save(`` / ``.delete(`` / ``.create(`` / ``get_or_create`` / ``update_or_create`` / ``bulk_*`` on anything
(a model instance, a form, a manager), and ``.update(`` / ``.delete(`` on a queryset. Calls on a module (a
service module such as ``services.save_elemen(...)`` or ``narasi.save(...)``) are the service calls we want.

An exception goes in ALLOWED, with the reason a reader needs.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

from renstra import services as renstra_services

ROOT = Path(__file__).resolve().parent.parent
APPS = ("sakip", "renstra", "pohon", "kinerja", "lkjip")

WRITES = {"save", "delete", "create", "get_or_create", "update_or_create", "bulk_create", "bulk_update"}
QUERYSET_WRITES = {"update"}  # ``dict.update`` is fine: these count only on a queryset
QUERYSET_METHODS = {"objects", "filter", "exclude", "all", "select_related", "prefetch_related", "for_user"}

# (module, call as written) → why the view may make it.
ALLOWED: dict[tuple[str, str], str] = {}


def view_modules() -> list[str]:
    paths = [ROOT / app / "views.py" for app in APPS] + sorted(
        p for app in APPS for p in (ROOT / app).glob("views/*.py")
    )
    return [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in paths if p.exists()]


def _on_queryset(node: ast.expr) -> bool:
    """Whether the receiver expression reads like a queryset (``X.objects…``, ``….filter(…)``)."""
    while True:
        if isinstance(node, ast.Attribute):
            if node.attr in QUERYSET_METHODS:
                return True
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return False


def direct_writes(source: str, namespace: dict) -> list[str]:
    """The writing calls in ``source`` (a module whose globals are ``namespace``), as "line: call"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        if isinstance(receiver, ast.Name) and inspect.ismodule(namespace.get(receiver.id)):
            continue  # services.save_x(...), narasi.save(...): a service module's function
        if method in WRITES or (method in QUERYSET_WRITES and _on_queryset(receiver)):
            found.append(f"{node.lineno}: {ast.unparse(node.func)}(…)")
    return found


@pytest.mark.parametrize("module", view_modules())
def test_a_view_module_writes_through_services_only(module):
    loaded = importlib.import_module(module)
    source = Path(loaded.__file__).read_text(encoding="utf-8")
    found = [call for call in direct_writes(source, vars(loaded)) if (module, call.split(": ", 1)[1]) not in ALLOWED]
    assert not found, (
        f"{module} writes domain data itself; move each write into the app's services "
        f"(@transaction.atomic, locking the row it depends on) and call that: {found}"
    )


def test_every_view_module_is_scanned():
    modules = view_modules()
    for expected in ("kinerja.views.realisasi", "pohon.views.simpul", "renstra.views.editor", "sakip.views.generic"):
        assert expected in modules
    for module, _call in ALLOWED:
        assert module in modules, f"ALLOWED names {module}, which is no view module"


@pytest.mark.parametrize(
    "line",
    [
        "form.save()",
        "obj = form.save(commit=False)",
        "formset.save()",
        "node.delete()",
        "BuktiDukung.objects.create(nama='x')",
        "Realisasi.objects.filter(tahun=1).update(nilai=None)",
        "Realisasi.objects.filter(tahun=1).delete()",
        "Target.objects.bulk_create(rows)",
        "Target.objects.get_or_create(tahun=1)",
        "self.object.delete()",
    ],
)
def test_the_scan_finds_a_direct_write(line):
    assert direct_writes(f"def view(request):\n    {line}\n", {}), line


def test_the_scan_lets_service_calls_and_dicts_through():
    source = "def view(request):\n    services.save_elemen(form)\n    context.update({'a': 1})\n"
    assert direct_writes(source, {"services": renstra_services}) == []
