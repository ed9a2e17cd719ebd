"""pressframe.compare.keyness: Fightin' Words against a worked example computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from pressframe.compare.keyness import log_odds


def test_worked_example():
    # Group A: x 3, y 1; group B: x 1, y 3; prior a0 = 4, so a_x = a_y = 4 * 4/8 = 2.
    # delta_x(A) = log(5 / (4 + 4 - 3 - 2)) - log(3 / (4 + 4 - 1 - 2)) = log(5/3) - log(3/5) = 1.021651
    # var = 1/5 + 1/3 = 0.533333; z = 1.021651 / 0.730297 = 1.398954
    counts = pd.DataFrame({"group": ["A", "A", "B", "B"], "term": ["x", "y", "x", "y"], "count": [3, 1, 1, 3]})
    scored = log_odds(counts, prior=4).set_index(["group", "term"])
    assert scored.loc[("A", "x"), "delta"] == pytest.approx(1.021651, abs=1e-6)
    assert scored.loc[("A", "x"), "z"] == pytest.approx(1.398954, abs=1e-6)
    assert scored.loc[("A", "y"), "z"] == pytest.approx(-1.398954, abs=1e-6)
    assert scored.loc[("B", "y"), "z"] == pytest.approx(1.398954, abs=1e-6)
    assert (scored.loc[("A", "x"), "count_group"], scored.loc[("A", "x"), "count_rest"]) == (3, 1)


def test_more_evidence_for_the_same_ratio_gives_a_larger_z():
    counts = pd.DataFrame({"group": ["A", "A", "B", "B"], "term": ["x", "y", "x", "y"], "count": [3, 1, 1, 3]})
    small = log_odds(counts, prior=4).set_index(["group", "term"]).z
    large = log_odds(counts.assign(count=counts["count"] * 10), prior=4).set_index(["group", "term"]).z
    assert large[("A", "x")] > small[("A", "x")] > 0
    assert not math.isnan(large[("B", "x")])
