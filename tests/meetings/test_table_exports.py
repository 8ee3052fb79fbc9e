from webcert_forum.core.tables import neutralise


def test_formula_starts_are_neutralised_and_other_values_kept():
    assert [neutralise(v) for v in ["=1+1", "+46", "-2", "@SUM", "\tx"]] == [
        "'=1+1",
        "'+46",
        "'-2",
        "'@SUM",
        "'\tx",
    ]
    assert [neutralise(v) for v in ["Region Halland", 5, None, ""]] == [
        "Region Halland",
        5,
        None,
        "",
    ]
