"""The layers, as the code imports them: handlers → services → data layer → models.

Only the data layer (bot/data) queries the database; the engine, the migrations, the models,
the app's resources and the key store's own access (bot/keys, a database of its own) are the
other places that may name SQLAlchemy. Handlers parse the
update, call a service and render a view: they import nothing of SQLAlchemy and assign no
attribute of anything (so no model field is set there).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.test_layers import ROOT, imported

MAY_USE_SQLALCHEMY = (
    "bot/data/",
    "bot/db.py",
    "bot/resources.py",
    "bot/migrate.py",
    "models/",
    "migrations/",
    # The key store: a database of its own, apart from the main one (bot/keys/store.py).
    "bot/keys/store.py",
    "bot/keys/keyring.py",
    "bot/keys/rotation.py",
)


def python_files(*folders: str) -> list[Path]:
    return sorted(
        path
        for folder in folders
        for path in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in path.parts
    )


def sqlalchemy_users(folders: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line}"
        for path in python_files(*folders)
        for line, module in imported(ast.parse(path.read_text(encoding="utf-8")))
        if module.split(".")[0] == "sqlalchemy"
    ]


def test_handlers_import_nothing_of_sqlalchemy() -> None:
    assert sqlalchemy_users(("handlers",)) == []


def test_only_the_data_layer_and_its_foundations_name_sqlalchemy() -> None:
    found = [
        where
        for where in sqlalchemy_users(("bot", "handlers", "models", "migrations"))
        if not where.startswith(MAY_USE_SQLALCHEMY)
    ]
    assert found == [], "SQLAlchemy outside the data layer:\n" + "\n".join(found)
    assert sqlalchemy_users(("bot/data",)), "the check must see the data layer's own imports"


def test_handlers_set_no_field_of_anything() -> None:
    assigned = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in python_files("handlers")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign)
        and any(
            isinstance(target, ast.Attribute)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
        and not _on_self(node)
    ]
    assert assigned == [], "handlers set fields:\n" + "\n".join(assigned)


def _on_self(node: ast.Assign | ast.AugAssign | ast.AnnAssign) -> bool:
    """`self.x = ...` and `context.x = ...` in the context's own class are the object's own."""
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return all(
        isinstance(t, ast.Attribute)
        and isinstance(t.value, ast.Name)
        and t.value.id in {"self", "context"}
        for t in targets
    )
