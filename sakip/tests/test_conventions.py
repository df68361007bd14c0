"""The house's conventions, checked on every model of the project's apps (README, "Rules for contributors")."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.utils.functional import Promise

from sakip.models import ActorNamesModel, AuditEntry, Peran, user_fields

PROJECT_APPS = ("sakip", "renstra", "pohon", "kinerja", "lkjip")


def _models():
    for label in PROJECT_APPS:
        yield from apps.get_app_config(label).get_models()


def _auto_doc(model) -> bool:
    # Django gives a model without a docstring one like "Target(id, indikator, tahun)".
    return model.__doc__ is None or model.__doc__.startswith(f"{model.__name__}(")


def test_every_model_has_a_docstring():
    missing = [m.__name__ for m in _models() if _auto_doc(m)]
    assert not missing, "\n".join(missing)


def _inherited(model) -> set[str]:
    """Fields that come from a third-party abstract base (Django's AbstractUser, auditlog's entry)."""
    names: set[str] = set()
    for base in model.__mro__[1:]:
        meta = getattr(base, "_meta", None)
        if meta is not None and meta.abstract and base.__module__.split(".")[0] not in PROJECT_APPS:
            names |= {f.name for f in meta.get_fields()}
    return names


def test_every_field_has_a_translated_verbose_name():
    missing = [
        f"{m.__name__}.{f.name}"
        for m in _models()
        for f in m._meta.local_fields + list(m._meta.local_many_to_many)
        if not f.auto_created and f.name not in _inherited(m) and not isinstance(f.verbose_name, Promise)
    ]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("label", PROJECT_APPS)
def test_constraint_names_follow_app_model_rule(label):
    pattern = re.compile(rf"^{label}_[a-z0-9]+_[a-z0-9_]+$")
    wrong = [
        f"{m.__name__}: {c.name}"
        for m in apps.get_app_config(label).get_models()
        for c in m._meta.constraints
        if not pattern.match(c.name)
    ]
    assert not wrong, "\n".join(wrong)


def _modules(*, tests: bool):
    """The project's modules (not migrations); with ``tests`` also every test module and the root conftest."""
    root = Path(__file__).resolve().parents[2]
    folders = [root / label for label in PROJECT_APPS] + ([root / "tests"] if tests else [])
    for folder in folders:
        for path in folder.rglob("*.py"):
            if "migrations" not in path.parts and (tests or "tests" not in path.parts):
                yield root, path
    if tests:
        yield root, root / "conftest.py"


def test_modules_and_functions_stay_readable():
    """No production module over 800 lines and no function over 100: split along the seams instead."""
    import ast

    long_modules, long_functions = [], []
    for root, path in _modules(tests=False):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(root))
        if text.count("\n") > 800:
            long_modules.append(name)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > 100:
                long_functions.append(f"{name}:{node.lineno} {node.name}")
    assert not long_modules + long_functions, "\n".join(long_modules + long_functions)


def test_project_imports_sit_at_the_top_of_modules():
    """An import inside a function hides a dependency (tests included); the few kept lazy say why on their line."""
    import ast

    hidden = []
    for root, path in _modules(tests=True):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                module = inner.module if isinstance(inner, ast.ImportFrom) else None
                if isinstance(inner, ast.Import):
                    module = inner.names[0].name
                if module and module.split(".")[0] in (*PROJECT_APPS, "tests") and "#" not in lines[inner.lineno - 1]:
                    hidden.append(f"{path.relative_to(root)}:{inner.lineno}")
    assert not hidden, "\n".join(hidden)


def test_every_reference_to_a_user_keeps_the_name():
    """Domain data outlives logins: a user FK is SET_NULL with a ``<field>_nama`` copy filled on save."""
    from django.db import models

    wrong = []
    for model in _models():
        if model in (Peran, AuditEntry):  # a login's own roles go with it; the audit entry copies actor_name
            continue
        for field in user_fields(model):
            name = f"{model.__name__}.{field.name}"
            if field.remote_field.on_delete is not models.SET_NULL:
                wrong.append(f"{name}: on_delete is not SET_NULL")
            copy = next((f for f in model._meta.concrete_fields if f.name == f"{field.name}_nama"), None)
            if not isinstance(copy, models.CharField):
                wrong.append(f"{name}: no {field.name}_nama CharField")
            if not issubclass(model, ActorNamesModel):
                wrong.append(f"{name}: {model.__name__} is not an ActorNamesModel")
    assert not wrong, "\n".join(wrong)
