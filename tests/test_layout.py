"""The library's layout: one folder per stage, and no module imports from a later stage than its own.

The stages and their order are ``pressframe.STAGES``; ``cli`` and ``__main__`` stand on top of them all.
Imports are read from the code (module level and inside functions), so an import made to dodge a cycle
counts like any other.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import pressframe
from pressframe.base.paths import repo_root

PACKAGE = Path(pressframe.__file__).resolve().parent
TOP = ("__init__", "__main__", "cli")


def stage_rank(module: str) -> int:
    """0 for ``base`` ... len(STAGES) for the modules on top; ``module`` is dotted below pressframe."""
    first = module.split(".")[0]
    return pressframe.STAGES.index(first) if first in pressframe.STAGES else len(pressframe.STAGES)


def imports_of(path: Path, package_dir: Path) -> list[tuple[int, str]]:
    """(line, module below pressframe) for every import of the package in ``path``."""
    here = list(path.relative_to(package_dir).parts[:-1])     # the package a relative import starts from
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:len(here) - node.level + 1] if node.level > 1 else here
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                names = [target] if node.module else [".".join([*base, a.name]) for a in node.names]
            elif node.module and (node.module == "pressframe" or node.module.startswith("pressframe.")):
                target = node.module.removeprefix("pressframe").lstrip(".")
                names = [target] if target else [a.name for a in node.names]
            else:
                continue
            found += [(node.lineno, n) for n in names if n]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name.removeprefix("pressframe.")) for a in node.names
                      if a.name.startswith("pressframe.")]
    return found


def upward_imports(package_dir: Path) -> list[str]:
    """Every import from a later stage than the importer's, as "file:line imports module"."""
    bad = []
    for path in sorted(package_dir.rglob("*.py")):
        own = ".".join(path.relative_to(package_dir).with_suffix("").parts)
        for line, target in imports_of(path, package_dir):
            if stage_rank(target) > stage_rank(own):
                bad.append(f"{path.relative_to(package_dir)}:{line} imports {target}")
    return bad


def test_no_module_imports_from_a_later_stage() -> None:
    assert upward_imports(PACKAGE) == []


def test_the_check_finds_an_upward_import(tmp_path: Path) -> None:
    for stage in ("extract", "publish"):
        (tmp_path / stage).mkdir()
        (tmp_path / stage / "__init__.py").write_text("")
    (tmp_path / "publish" / "display.py").write_text("X = 1\n")
    (tmp_path / "extract" / "quotes.py").write_text("import re\n\n\ndef f():\n    from ..publish.display import X\n")
    (tmp_path / "extract" / "dates.py").write_text("from pressframe.publish import display\n")
    assert upward_imports(tmp_path) == ["extract/dates.py:1 imports publish",
                                        "extract/quotes.py:5 imports publish.display"]


def test_every_module_stands_in_a_stage_or_on_top() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.stem not in TOP)
    assert loose == [], "a module belongs in one of the stage folders " + ", ".join(pressframe.STAGES)
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    assert folders == sorted(pressframe.STAGES)


def test_module_names_are_unique_across_stages_and_found_by_short_name() -> None:
    names = [p.stem for stage in pressframe.STAGES for p in (PACKAGE / stage).glob("*.py") if p.stem != "__init__"]
    assert len(names) == len(set(names))
    assert pressframe.display.__name__ == "pressframe.publish.display"
    with pytest.raises(AttributeError, match="no module or attribute 'nonesuch'"):
        pressframe.nonesuch  # noqa: B018


@pytest.mark.parametrize("stage", pressframe.STAGES)
def test_each_stage_says_what_it_holds_and_the_readme_lists_its_modules(stage: str) -> None:
    face = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")))
    assert face and "Import" in face
    modules = sorted(p.stem for p in (PACKAGE / stage).glob("*.py") if p.stem != "__init__")
    for module in modules:
        assert ast.get_docstring(ast.parse((PACKAGE / stage / f"{module}.py").read_text(encoding="utf-8"))), module
    readme = (repo_root() / "README.md").read_text(encoding="utf-8")
    row = re.search(rf"^\| `src/pressframe/{stage}/` \|(.*)\|$", readme, re.M)
    assert row, f"README's layout table has no row for src/pressframe/{stage}/"
    named = set(re.findall(r"`([a-z_]+)`", row.group(1)))
    assert named >= set(modules), f"README's row for {stage}/ misses {sorted(set(modules) - named)}"
    assert not (named & {p.stem for s in pressframe.STAGES if s != stage for p in (PACKAGE / s).glob("*.py")}
                - set(modules)), "README names a module of another stage in this row"
