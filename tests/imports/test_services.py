import pytest

from webcert_forum.meetings.imports.runs import display_name, resolve_document


@pytest.mark.parametrize(
    "uploaded,shown",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\anna\\protokoll juni.pdf", "protokoll juni.pdf"),
        ("möte\x00\x1b[31m.pdf", "möte[31m.pdf"),
        ("..", "protokoll.pdf"),
        ("", "protokoll.pdf"),
    ],
)
def test_display_name_keeps_only_harmless_text(uploaded, shown):
    assert display_name(uploaded) == shown


def test_resolving_a_label_replaces_it_everywhere_and_leaves_other_labels():
    document = {
        "attendance": [{"org": "Region Atlantis", "present": True}],
        "certificate_counts": [{"org": "Region Atlantis", "count": 3}],
        "signing_tests": [{"vendor_group": "cosmic", "tested_by": "Region Atlantis"}],
        "unresolved": [
            {"label": "Region Atlantis", "kind": "organisation", "slide": 1},
            {"label": "Lemuria", "kind": "organisation", "slide": 2},
        ],
    }
    resolved = resolve_document(document, {"Region Atlantis": "halland"})
    assert resolved["attendance"][0]["org"] == "halland"
    assert resolved["certificate_counts"][0]["org"] == "halland"
    assert resolved["signing_tests"][0]["tested_by"] == "halland"
    assert resolved["unresolved"] == [{"label": "Lemuria", "kind": "organisation", "slide": 2}]
    assert document["attendance"][0]["org"] == "Region Atlantis"  # the input is left alone
