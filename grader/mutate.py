"""``grader mutate``: how many small bugs in the reference do the hidden tests catch?

Each mutant is the reference with one small change of the kind candidates make: a comparison
flipped, a constant or index shifted by one, an axis swapped, an epsilon dropped, a sort
reversed, an aggregate or arithmetic operator swapped. Every mutant is graded against the
hidden tests (stopping at the first failure); a mutant is *caught* when any test does not
pass. A surviving mutant either exposes a gap in the tests or is a true equivalent (it cannot
change any result); the latter are listed with a reason in the challenge's
``equivalent_mutants.toml`` and left out of the score:

    [[equivalent]]
    mutant = "line 12: `<` -> `<=`"
    reason = "ties are impossible here: distances are distinct by construction"
"""

from __future__ import annotations

import ast
import copy
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from grader.models import Challenge, GradingStatus, SandboxChoice, Suite, TestStatus
from grader.pipeline import GradeRequest, grade

EQUIVALENTS_FILE = "equivalent_mutants.toml"
_COMPARE_FLIPS: dict[type[ast.cmpop], tuple[type[ast.cmpop], ...]] = {
    ast.Lt: (ast.LtE, ast.Gt),
    ast.LtE: (ast.Lt, ast.GtE),
    ast.Gt: (ast.GtE, ast.Lt),
    ast.GtE: (ast.Gt, ast.LtE),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
    ast.Is: (ast.IsNot,),
    ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,),
    ast.NotIn: (ast.In,),
}
_BINOP_SWAPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Pow: ast.Mult,
    ast.Mod: ast.FloorDiv,
}
_CALL_SWAPS = {
    "argmin": "argmax",
    "argmax": "argmin",
    "min": "max",
    "max": "min",
    "amin": "amax",
    "amax": "amin",
    "sum": "mean",
    "mean": "sum",
    "minimum": "maximum",
    "maximum": "minimum",
    "nanmean": "nansum",
    "floor": "ceil",
    "ceil": "floor",
    "var": "std",
    "std": "var",
}
_SORTS = frozenset({"sorted", "sort", "argsort"})
_SYMBOLS = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Pow: "**",
    ast.Mod: "%",
}


@dataclass(frozen=True)
class Mutant:
    """One changed copy of a reference."""

    description: str
    source: str


@dataclass(frozen=True)
class MutantResult:
    mutant: Mutant
    caught: bool
    equivalent_reason: str | None = None


@dataclass(frozen=True)
class MutationReport:
    challenge_id: str
    results: tuple[MutantResult, ...]
    # Entries of equivalent_mutants.toml that match no surviving mutant (the reference changed).
    stale_equivalents: tuple[str, ...] = ()

    @property
    def counted(self) -> tuple[MutantResult, ...]:
        return tuple(r for r in self.results if r.equivalent_reason is None)

    @property
    def score(self) -> float:
        """The fraction of non-equivalent mutants the hidden tests catch (1.0 with none)."""
        counted = self.counted
        return sum(r.caught for r in counted) / len(counted) if counted else 1.0

    @property
    def survivors(self) -> tuple[MutantResult, ...]:
        return tuple(r for r in self.results if not r.caught)


def mutants(source: str) -> Iterator[Mutant]:
    """Every single-change mutant of ``source``, in source order."""
    tree = ast.parse(source)
    total = _Mutator(target=None).count_sites(tree)
    for target in range(total):
        mutator = _Mutator(target)
        changed = mutator.visit(copy.deepcopy(tree))
        if mutator.applied is not None:
            ast.fix_missing_locations(changed)
            yield Mutant(mutator.applied, ast.unparse(changed))


class _Mutator(ast.NodeTransformer):
    """Applies the ``target``-th mutation site (counting in visit order); counts sites otherwise."""

    def __init__(self, target: int | None) -> None:
        self.target = target
        self.sites = 0
        self.applied: str | None = None

    def count_sites(self, tree: ast.AST) -> int:
        self.visit(copy.deepcopy(tree))
        return self.sites

    def _site(self, node: ast.AST, description: str) -> bool:
        """True when this site is the one to mutate."""
        index = self.sites
        self.sites += 1
        if index == self.target:
            self.applied = f"line {getattr(node, 'lineno', '?')}: {description}"
            return True
        return False

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return node  # docstrings are not code
        return self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        return node  # f-strings only format messages

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        for i, op in enumerate(node.ops):
            for alternative in _COMPARE_FLIPS.get(type(op), ()):
                if self._site(node, f"`{_SYMBOLS[type(op)]}` -> `{_SYMBOLS[alternative]}`"):
                    node.ops[i] = alternative()
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        swap = _BINOP_SWAPS.get(type(node.op))
        if swap is not None and self._site(node, f"`{_SYMBOLS[type(node.op)]}` -> `{_SYMBOLS[swap]}`"):
            node.op = swap()
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        flipped: ast.boolop = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        if self._site(node, f"`{type(node.op).__name__.lower()}` -> `{type(flipped).__name__.lower()}`"):
            node.op = flipped
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        symbol = "not" if isinstance(node.op, ast.Not) else "-"
        if isinstance(node.op, (ast.Not, ast.USub)) and self._site(node, f"drop `{symbol}`"):
            return node.operand
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return node
        if isinstance(value, int):
            for shifted in (value + 1, value - 1):
                if self._site(node, f"`{value}` -> `{shifted}`"):
                    return ast.copy_location(ast.Constant(shifted), node)
        elif 0 < abs(value) < 1e-3 and self._site(node, f"drop the epsilon `{value:g}`"):
            return ast.copy_location(ast.Constant(0.0), node)
        return node

    def visit_keyword(self, node: ast.keyword) -> ast.AST:
        self.generic_visit(node)
        value = node.value
        if node.arg in ("axis", "ddof") and isinstance(value, ast.Constant) and isinstance(value.value, int):
            other = {0: 1, 1: 0, -1: 0}.get(value.value)
            if other is not None and self._site(node, f"`{node.arg}={value.value}` -> `{node.arg}={other}`"):
                node.value = ast.Constant(other)
        flag = isinstance(value, ast.Constant) and isinstance(value.value, bool)
        if node.arg in ("keepdims", "reverse", "replace") and flag:
            current = bool(value.value)  # type: ignore[attr-defined]
            if self._site(node, f"`{node.arg}={current}` -> `{node.arg}={not current}`"):
                node.value = ast.Constant(not current)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        name = _called_name(node)
        swap = _CALL_SWAPS.get(name or "")
        if swap is not None and self._site(node, f"`{name}` -> `{swap}`"):
            _rename_call(node, swap)
        if name in _SORTS and _returns_new_order(node) and self._site(node, f"reverse the `{name}`"):
            return ast.copy_location(
                ast.Subscript(value=node, slice=ast.Slice(step=ast.Constant(-1)), ctx=ast.Load()), node
            )
        return node


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _returns_new_order(node: ast.Call) -> bool:
    """``sorted(x)``, ``np.sort(x)``, ``np.argsort(x)``, ``x.argsort()``; not an in-place ``x.sort()``."""
    func = node.func
    if isinstance(func, ast.Name):
        return True
    if isinstance(func, ast.Attribute) and func.attr == "sort":
        return isinstance(func.value, ast.Name) and func.value.id in ("np", "numpy")
    return isinstance(func, ast.Attribute)


def _rename_call(node: ast.Call, name: str) -> None:
    if isinstance(node.func, ast.Name):
        node.func.id = name
    elif isinstance(node.func, ast.Attribute):
        node.func.attr = name


def equivalents(challenge: Challenge) -> dict[str, str]:
    """Survivors the challenge's author has judged true equivalents: description -> reason."""
    path = challenge.root / EQUIVALENTS_FILE
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {str(e["mutant"]): str(e["reason"]) for e in data.get("equivalent", [])}


def mutation_report(
    challenge: Challenge,
    sandbox: SandboxChoice = SandboxChoice.LOCAL,
    jobs: int = 2,
    progress: Callable[[MutantResult], None] = lambda _: None,
) -> MutationReport:
    """Grade every mutant of the challenge's reference against its hidden tests."""
    known = equivalents(challenge)
    found = list(mutants(challenge.reference_path.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory(prefix="grader-mutants-") as tmp:

        def judge(numbered: tuple[int, Mutant]) -> MutantResult:
            index, mutant = numbered
            path = Path(tmp) / f"mutant_{index}.py"
            path.write_text(mutant.source, encoding="utf-8")
            card = grade(GradeRequest(challenge.root, path, Suite.HIDDEN, sandbox, fail_fast=True))
            caught = card.status is GradingStatus.UNGRADABLE or any(
                t.status is not TestStatus.PASSED for t in card.tests
            )
            result = MutantResult(mutant, caught, None if caught else known.get(mutant.description))
            progress(result)
            return result

        with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
            results = tuple(pool.map(judge, enumerate(found)))
    survived = {r.mutant.description for r in results if not r.caught}
    return MutationReport(challenge.id, results, tuple(sorted(set(known) - survived)))
