"""`pipeline/data/quality_checks.csv` names every check `output/quality.parquet` can hold, with its statuses.

The code's check names are read from the source with `ast`: string literals passed as the check of
`Finding(...)`, `Finding.differences(...)` or `QualityRow(...)` (first, first and second argument,
or `check=`), literals reaching them through a local variable or a conditional expression
(`check = "unknown_layout" if … else "read_error"`), and literals passed to a helper that hands its
own parameter on as the check (`CardGridReader._finding`, `_Collector.add`), found by following
the parameter to the helper's call sites in its module.
"""

from __future__ import annotations

import ast
import csv
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from tests.conftest import RAW, ROOT

CHECKS_CSV = ROOT / "pipeline" / "data" / "quality_checks.csv"
PACKAGES = ("pipeline", "extractors", "recognizers", "normalizers", "comparisons")
STATUSES = ("ok", "warning", "error")
#: Calls that make a finding or a quality row: position of the check argument, of the status argument.
SINKS: dict[str, tuple[int, int | None]] = {"Finding": (0, 1), "Finding.differences": (0, None), "QualityRow": (1, 2)}
#: `Finding.differences` decides its status itself: `warning` when pairs differ, else `ok`.
FIXED_STATUSES = {"Finding.differences": frozenset({"ok", "warning"})}
#: Check names the code builds at run time, which the scan cannot read: {"<file>:<function>": names}.
#: None today; a check built with an f-string or from data must be listed here with where it is built.
DYNAMIC: dict[str, frozenset[str]] = {}


@dataclass(frozen=True)
class Emit:
    """One place the code emits a check, with the statuses it can give it there (None: not known statically)."""

    check: str
    statuses: frozenset[str] | None
    where: str


@dataclass(frozen=True)
class _Strings:
    """What an expression can evaluate to: literal strings, parameters of its function, or something else."""

    literals: frozenset[str] = frozenset()
    parameters: frozenset[str] = frozenset()
    resolved: bool = True

    def __or__(self, other: _Strings) -> _Strings:
        return _Strings(
            self.literals | other.literals, self.parameters | other.parameters, self.resolved and other.resolved
        )


@dataclass(frozen=True)
class _Sink:
    """A call whose argument `check` becomes a check name (and `status` its status, unless `fixed`)."""

    module: Path
    call: ast.Call
    check: ast.expr | None
    status: ast.expr | None
    fixed: frozenset[str] | None


Function = ast.FunctionDef | ast.AsyncFunctionDef


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := _dotted(node.value)):
        return f"{base}.{node.attr}"
    return None


def _parameters(function: Function) -> list[str]:
    """Positional parameters, without `self` / `cls`."""
    names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    return names[1:] if names and names[0] in ("self", "cls") else names


def _argument(call: ast.Call, position: int | None, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return call.args[position] if position is not None and position < len(call.args) else None


def _bound(call: ast.Call, function: Function, name: str) -> ast.expr | None:
    """The argument a call to `function` binds to its parameter `name` (the default where it is omitted)."""
    names = _parameters(function)
    found = _argument(call, names.index(name), name)
    if found is not None:
        return found
    defaults = dict(zip(names[len(names) - len(function.args.defaults) :], function.args.defaults, strict=True))
    return defaults.get(name)


def _calls_bind_all(call: ast.Call, function: Function) -> bool:
    """The call gives every parameter without a default: `seen.add(x)` is no call of `add(check, status, detail)`."""
    names = _parameters(function)
    required = len(names) - len(function.args.defaults)
    return len(call.args) + sum(1 for k in call.keywords if k.arg in names) >= required


def _strings(node: ast.expr | None, function: Function | None) -> _Strings:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _Strings(literals=frozenset({node.value}))
    if isinstance(node, ast.IfExp):
        return _strings(node.body, function) | _strings(node.orelse, function)
    if isinstance(node, ast.Name) and function is not None:
        if node.id in _parameters(function):
            return _Strings(parameters=frozenset({node.id}))
        assigned = [
            n.value
            for n in ast.walk(function)
            if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == node.id for t in n.targets)
        ]
        if assigned:
            result = _Strings()
            for value in assigned:
                result = result | _strings(value, function)
            return result
    return _Strings(resolved=False)


def _paired(check: ast.expr | None, status: ast.expr | None) -> list[tuple[ast.expr | None, ast.expr | None]]:
    """(check, status) branch by branch where both are conditional on the same test
    (`"partial_card" if cut else "card_incomplete"`, `"error" if cut else "warning"`), else as they are."""
    if isinstance(check, ast.IfExp) and isinstance(status, ast.IfExp) and ast.dump(check.test) == ast.dump(status.test):
        return [*_paired(check.body, status.body), *_paired(check.orelse, status.orelse)]
    return [(check, status)]


def _modules() -> Iterator[tuple[Path, ast.Module, dict[ast.AST, Function]]]:
    """Each source file, its tree, and the function enclosing each node."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            enclosing: dict[ast.AST, Function] = {}
            for function in ast.walk(tree):
                if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                    for node in ast.walk(function):
                        enclosing[node] = function  # inner functions overwrite their outer one (walk is BFS)
            yield path.relative_to(ROOT), tree, enclosing


def _known(strings: _Strings) -> frozenset[str] | None:
    """The statuses an expression gives, where the scan can tell."""
    return strings.literals if strings.resolved and not strings.parameters else None


def scan_source() -> tuple[list[Emit], list[str]]:
    """Every check the source emits, and the places whose check name the scan cannot read."""
    modules = {path: (tree, enclosing) for path, tree, enclosing in _modules()}
    work: list[_Sink] = []
    for path, (tree, _) in modules.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (name := _dotted(node.func)) in SINKS:
                check_at, status_at = SINKS[name]
                check, status = _argument(node, check_at, "check"), _argument(node, status_at, "status")
                work.append(_Sink(path, node, check, status, FIXED_STATUSES.get(name)))
    emits: list[Emit] = []
    unreadable: list[str] = []
    seen: set[tuple[Path, int, int]] = set()
    while work:
        sink = work.pop()
        key = (sink.module, sink.call.lineno, sink.call.col_offset)
        if key in seen:
            continue
        seen.add(key)
        tree, enclosing = modules[sink.module]
        function = enclosing.get(sink.call)
        where = f"{sink.module.as_posix()}:{sink.call.lineno}"
        if isinstance(sink.check, ast.Attribute) and sink.check.attr == "check":
            continue  # `finding.check`: a finding already emitted elsewhere becomes a quality row
        check = _strings(sink.check, function)
        if not check.resolved and f"{sink.module.as_posix()}:{function.name if function else ''}" not in DYNAMIC:
            unreadable.append(f"{where}: {ast.unparse(sink.check) if sink.check else 'no check argument'}")
        if sink.fixed is not None:
            status = _Strings(literals=sink.fixed)
            branches = [(sink.check, sink.fixed)]
        else:
            status = _strings(sink.status, function)
            branches = [(c, _known(_strings(st, function))) for c, st in _paired(sink.check, sink.status)]
        for check_branch, statuses in branches:
            emits.extend(Emit(name, statuses, where) for name in _strings(check_branch, function).literals)
        if check.parameters and function is not None:
            # A helper handing its parameter on as the check: its calls in the same module are sinks in turn.
            (check_parameter,) = check.parameters
            status_parameter = next(iter(status.parameters), None)
            for node in ast.walk(tree):
                called = node.func.id if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) else None
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    called = node.func.attr
                if isinstance(node, ast.Call) and called == function.name and _calls_bind_all(node, function):
                    work.append(
                        _Sink(
                            sink.module,
                            node,
                            _bound(node, function, check_parameter),
                            _bound(node, function, status_parameter) if status_parameter else None,
                            None if status_parameter else _known(status),
                        )
                    )
    for names in DYNAMIC.values():
        emits.extend(Emit(name, None, "DYNAMIC") for name in names)
    return emits, unreadable


def documented() -> dict[str, frozenset[str]]:
    """check → its statuses, from the CSV."""
    with CHECKS_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["check"]: frozenset(row["statuses"].split("|")) for row in csv.DictReader(handle)}


def test_csv_is_well_formed() -> None:
    with CHECKS_CSV.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    assert header == ["check", "statuses", "meaning"]
    names = [row[0] for row in rows]
    assert all(len(row) == 3 for row in rows), [row for row in rows if len(row) != 3]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
    assert names == sorted(names), "rows are sorted by check"
    for name, statuses, meaning in rows:
        assert name and name == name.strip() and " " not in name, name
        parts = statuses.split("|")
        assert parts and set(parts) <= set(STATUSES), f"{name}: {statuses!r}"
        assert parts == [s for s in STATUSES if s in parts], f"{name}: statuses in the order ok|warning|error"
        assert meaning.strip() and "\n" not in meaning, f"{name}: a one-line meaning"


def test_every_check_of_the_source_is_documented_and_no_row_is_stale() -> None:
    emits, unreadable = scan_source()
    assert unreadable == [], "check names the scan cannot read: list them in DYNAMIC with where they are built"
    in_source = {e.check for e in emits}
    in_csv = documented()
    assert sorted(in_source - set(in_csv)) == [], "checks the code emits but quality_checks.csv does not list"
    assert sorted(set(in_csv) - in_source) == [], "quality_checks.csv rows no code emits (stale)"


def test_documented_statuses_are_those_the_source_gives() -> None:
    emits, _ = scan_source()
    in_csv = documented()
    by_check: dict[str, set[str]] = {}
    unknown: set[str] = set()
    for emit in emits:
        if emit.statuses is None:
            unknown.add(emit.check)
        else:
            by_check.setdefault(emit.check, set()).update(emit.statuses)
    for check, statuses in sorted(by_check.items()):
        if check not in in_csv:
            continue  # reported by the test above
        if check in unknown:
            assert statuses <= in_csv[check], f"{check}: the source gives {sorted(statuses)}"
        else:
            assert statuses == in_csv[check], f"{check}: the source gives {sorted(statuses)}"


@pytest.fixture(scope="module")
def seed_quality(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """(check, status) of every quality row of a run over the five bundled raw/ documents."""
    root = tmp_path_factory.mktemp("seeds")
    (root / "raw").mkdir()
    documents = sorted(RAW.glob("*.txt"))
    assert len(documents) == 5
    for path in documents:
        shutil.copy(path, root / "raw" / path.name)
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    table = pq.read_table(root / "output" / "quality.parquet", columns=["check", "status"])
    return list(zip(table.column("check").to_pylist(), table.column("status").to_pylist(), strict=True))


def test_every_check_of_a_run_over_the_seeds_is_documented(seed_quality: list[tuple[str, str]]) -> None:
    in_csv = documented()
    assert seed_quality
    missing = sorted({check for check, _ in seed_quality if check not in in_csv})
    assert missing == [], "checks in output/quality.parquet that quality_checks.csv does not list"
    wrong = sorted({(check, status) for check, status in seed_quality if status not in in_csv[check]})
    assert wrong == [], "statuses quality_checks.csv does not give for their check"
