"""A table's columns: where the body's cells stand (their x-extents down the rows), matched
in order to the header cells, and the boundary between each two columns (a ruling line or
the gap's middle); the label column's left edge."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .read import Rule, Word
from .table_cells import Column


def body_columns(body: Sequence[Word]) -> list[tuple[float, float]]:
    """x-extents of the body's columns: cells overlapping down the rows, narrowest first,
    so one wide line (prose under the table) bridging two columns does not merge them."""
    columns: list[list[float]] = []
    for w in sorted(body, key=lambda w: w.x1 - w.x0):
        touching = [c for c in columns if w.x0 < c[1] and w.x1 > c[0]]
        if len(touching) > 1:
            continue
        if touching:
            touching[0][0], touching[0][1] = min(touching[0][0], w.x0), max(touching[0][1], w.x1)
        else:
            columns.append([w.x0, w.x1])
    merged: list[list[float]] = []
    for x0, x1 in sorted(columns):
        if merged and x0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(x0, x1) for x0, x1 in merged]


def match_columns(
    columns: Sequence[Column],
    body: Sequence[tuple[float, float]],
    full: set[int] = frozenset(),
    labels: set[int] = frozenset(),
) -> list[tuple[float, float] | None]:
    """Per header cell, the body column under it: as many pairs as possible in left-to-right
    order, nearest first. Unless every pair then stands the same way (the same edges of
    header and cells the same distance apart), again keeping one way for all: a right-
    aligned header over left-aligned cells stands nearer the next column's cells than its
    own, the same way in every column, and only the ends of the table (a column left empty,
    a ``full`` one never empty, paired first of all) tell which way is the table's. A cell
    without a body column (a column left empty) keeps its header. The ``labels`` columns
    keep their own alignment (a label header centred over left-aligned labels)."""

    def gap(c: Column, x0: float, x1: float) -> float:
        return max(0.0, x0 - c.x1, c.x0 - x1) + 0.01 * abs((c.x0 + c.x1) - (x0 + x1))

    nearest = [[gap(c, *x) for x in body] for c in columns]
    matched = _align(nearest, full)[1]

    def as_body(pairs: list[int | None]) -> list[tuple[float, float] | None]:
        return [None if j is None else body[j] for j in pairs]

    # Per pair, how far each edge of the header (left, middle, right) stands from each
    # edge of its cells: a table keeps one of these fixed in all its columns.
    ways = [
        [[h - b for h in (c.x0, (c.x0 + c.x1) / 2, c.x1) for b in (x0, (x0 + x1) / 2, x1)]
         for x0, x1 in body]
        for c in columns
    ]  # fmt: skip
    paired = [ways[i][j] for i, j in enumerate(matched) if j is not None and i not in labels]
    if len(paired) < 2 or any(
        max(p[k] for p in paired) - min(p[k] for p in paired) <= 2.0 for k in range(9)
    ):
        return as_body(matched)
    tries = []
    for way in {(k, round(p[k])) for p in paired for k in range(9)}:
        k, usual = way
        cost = [
            nearest[i] if i in labels else [abs(w[k] - usual) for w in ways[i]]
            for i in range(len(columns))
        ]
        tries.append(_align(cost, full))
    return as_body(max(tries, key=lambda scored: scored[0])[1])


def _align(cost: Sequence[Sequence[float]], full=frozenset()):
    """The pairs of header cells and body columns, in order, that pair the most ``full``
    columns, then the most columns, at the least cost (``cost[cell][body column]``)."""
    n = len(cost)
    m = len(cost[0]) if n else 0
    # best[i][j]: (full columns paired, pairs, -cost) for the first i cells and j body columns.
    best = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        is_full = i - 1 in full
        row, above, costs = best[i], best[i - 1], cost[i - 1]
        for j in range(1, m + 1):
            paired_full, pairs, total = above[j - 1]
            row[j] = max(
                above[j], row[j - 1], (paired_full + is_full, pairs + 1, total - costs[j - 1])
            )
    matched: list[int | None] = [None] * n
    i, j = n, m
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            matched[i - 1] = j - 1
            i, j = i - 1, j - 1
    return best[n][m], matched


def boundaries(
    columns: Sequence[Column],
    body: Sequence[Word],
    rules: Sequence[Rule],
    height: float,
    under: Sequence[tuple[float, float] | None] = (),
) -> list[float]:
    """x where each column after the first begins, in the gap between the two columns
    (header and body text together; where a header overhangs the next column's cells, the
    cells decide): a ruling line that no cell text crosses, else the gap's middle."""
    if body:
        top, bottom = min(w.top for w in body), max(w.bottom for w in body)
        # A rule spans the body (a one-row body is less than 1.5 word heights tall).
        reach = min(1.5 * height, bottom - top)
        rules = [r for r in rules if min(r.bottom, bottom) - max(r.top, top) >= reach]
    under = list(under) or [None] * len(columns)
    bounds = []
    for index, (left, right) in enumerate(pairwise(columns)):
        cells = _cell_gap(under[index], under[index + 1])
        lo, hi = max(left.x1, cells[0]), min(right.x0, cells[1])
        both = under[index] is not None and under[index + 1] is not None
        if hi - lo < 1 and both and cells[1] - cells[0] >= 1:
            lo, hi = cells
        elif hi - lo < 1:
            lo, hi = left.x1, right.x0
        if hi - lo < 1:
            bounds.append((left.x1 + right.x0) / 2)
            continue
        middle = _least_covered_midpoint(lo, hi, body)
        free = [
            r.x for r in rules if lo - 0.5 <= r.x <= hi + 0.5
            and not any(w.x0 < r.x < w.x1 for w in body)
        ]  # fmt: skip
        bounds.append(min(free, key=lambda x: abs(x - middle)) if free else middle)
    return bounds


def _cell_gap(left, right) -> tuple[float, float]:
    return (left[1] if left else -1e9, right[0] if right else 1e9)


def _least_covered_midpoint(lo: float, hi: float, body: Sequence[Word]) -> float:
    edges = sorted({lo, hi, *(x for w in body for x in (w.x0, w.x1) if lo < x < hi)})
    best = None
    run_start = run_end = None
    run_cover = None
    for a, b in pairwise(edges):
        middle = (a + b) / 2
        cover = sum(1 for w in body if w.x0 < middle < w.x1)
        if run_cover == cover and run_end == a:
            run_end = b
        else:
            run_start, run_end, run_cover = a, b, cover
        key = (-run_cover, run_end - run_start)
        if best is None or key > best[0]:
            best = (key, (run_start + run_end) / 2)
    return best[1] if best else (lo + hi) / 2


def label_run_start(body: Sequence[Word], columns: Sequence[Column], bounds) -> float:
    """Left edge of the run of text that holds the label column (not prose beside it)."""
    limit = bounds[0] if bounds else columns[0].x1
    intervals = sorted((w.x0, w.x1) for w in body if w.x1 <= limit + 1)
    runs: list[list[float]] = []
    for x0, x1 in intervals:
        if runs and x0 <= runs[-1][1] + 2:
            runs[-1][1] = max(runs[-1][1], x1)
        else:
            runs.append([x0, x1])
    first = columns[0]
    if not runs:
        return first.x0
    nearest = min(runs, key=lambda r: max(0.0, r[0] - first.x1, first.x0 - r[1]))
    return min(nearest[0] - 1, first.x0)
