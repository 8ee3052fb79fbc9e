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


def test_a_formula_after_either_separator_is_neutralised_for_every_excel_locale():
    # Swedish Excel splits on ";", English on ",": the text must be harmless either way.
    assert neutralise("x;=2*21;") == "x;'=2*21;"
    assert neutralise("x,=2*21") == "x,'=2*21"
    assert neutralise('a; "=HYPERLINK(1)"') == 'a; "\'=HYPERLINK(1)"'
    assert neutralise("a;@SUM(A1)") == "a;'@SUM(A1)"
    for plain in ["Region Halland; Region Skåne", "1,5 timmar", "kl. 13.00 – 14.30"]:
        assert neutralise(plain) == plain
    # Twice is once: a table and its export may both neutralise.
    assert neutralise(neutralise("x;=2*21; =1")) == "x;'=2*21; '=1"


def test_a_csv_cell_opened_with_either_separator_never_starts_a_formula():
    import csv
    import io

    for value in ["x;=2*21;", "y,+1", "z; -1", "@a,@b;=c"]:
        buffer = io.StringIO()
        csv.writer(buffer).writerow(["ok", neutralise(value)])
        text = buffer.getvalue()
        for separator in (",", ";"):
            for cell in csv.reader(io.StringIO(text), delimiter=separator):
                for part in cell:
                    formula = part.lstrip(' "').startswith(("=", "+", "-", "@"))
                    assert not formula, (value, separator, part)
