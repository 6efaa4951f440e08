"""The shape the code keeps: no import cycles between modules (the layer contracts themselves
are import-linter's, run by `make lint`)."""

import grimp


def _cycles(graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_module_import_cycles():
    assert _cycles(grimp.build_graph("aijournal")) == []


def _slots_that_may_return_a_bool(source: str) -> list[int]:
    """Lines where a lambda connected to a signal may return True or False (`x and y`, a
    comparison, `not x`): PySide6 6.12 releases such a returned bool once too often."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "connect"
        ):
            continue
        for argument in node.args:
            body = argument.body if isinstance(argument, ast.Lambda) else None
            if isinstance(body, ast.BoolOp | ast.Compare) or (
                isinstance(body, ast.UnaryOp) and isinstance(body.op, ast.Not)
            ):
                found.append(node.lineno)
    return found


def test_no_slot_returns_a_bool():
    from pathlib import Path

    import aijournal

    ui = Path(aijournal.__file__).parent / "ui"
    assert _slots_that_may_return_a_bool("w.clicked.connect(lambda on: on and go())") == [1]
    assert _slots_that_may_return_a_bool("w.clicked.connect(lambda on: go() if on else None)") == []
    offending = {
        str(path.relative_to(ui)): lines
        for path in sorted(ui.rglob("*.py"))
        if (lines := _slots_that_may_return_a_bool(path.read_text()))
    }
    assert offending == {}
