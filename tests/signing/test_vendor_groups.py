"""Each organisation's vendor group: Inera's word (reference list, admin) over the minutes'
guess, and "okänd" where nobody has said."""

import copy
import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from regions.models import Organisation
from signing_rollout.models import VendorGroup, VendorGroupMembership
from webcert_forum.meetings.services import FIXTURES_DIR, load_reference, save_minutes

pytestmark = pytest.mark.django_db


def _fixtures(tmp_path, members=None, organisations_edit=None):
    for name in ("organisations.csv", "vendor_groups.csv", "certificate_types.csv"):
        shutil.copy(FIXTURES_DIR / name, tmp_path / name)
    if organisations_edit:
        path = tmp_path / "organisations.csv"
        path.write_text(organisations_edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    if members is not None:
        lines = ["organisation,vendor_group", *members]
        (tmp_path / "vendor_group_members.csv").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    return tmp_path


def _groups_of(key):
    return sorted(
        VendorGroupMembership.objects.filter(organisation__key=key).values_list(
            "vendor_group__key", "source"
        )
    )


def test_the_shipped_list_claims_nothing_and_loads_idempotently(reference):
    assert (FIXTURES_DIR / "vendor_group_members.csv").read_text().strip() == (
        "organisation,vendor_group"
    )
    assert load_reference()["vendor_group_members"] == (0, 0)


def test_the_pages_show_the_minutes_guess_as_such_and_okand_where_nobody_said(
    client, plain_user, seed_meeting
):
    client.force_login(plain_user)
    html = client.get(reverse("signing:dashboard")).content.decode()
    assert "Inga organisationer kopplade" not in html
    # Cosmic – Värmland in the minutes: a guess, marked with its meeting.
    assert "Region Värmland</a> (enligt protokollet 2022-06-01)" in html
    # Cerner: nobody tested, nobody said who uses it.
    assert ">okända<" in html
    assert "ingen har angett vilka organisationer som använder gruppen" in html
    assert "det gäller före protokollen" in html
    unknown = html.split("Leverantörsgrupp okänd för:")[1].split("</p>")[0]
    assert "Region Gävleborg" in unknown and "Region Värmland" not in unknown

    varmland = client.get(reverse("regions:detail", args=["varmland"])).content.decode()
    assert "Leverantörsgrupp Cosmic (enligt protokollet 2022-06-01, där organisationen " in (
        varmland
    )
    gavleborg = client.get(reverse("regions:detail", args=["gavleborg"])).content.decode()
    assert "Leverantörsgrupp: okänd." in gavleborg
    assert "okänt" not in gavleborg

    rows = client.get(reverse("regions:list")).context["table"].rows
    by_name = {row.record.name: row for row in rows}
    assert by_name["Region Gävleborg"].get_cell("vendor_group") == "okänd"
    assert by_name["Region Värmland"].get_cell("vendor_group") == "Cosmic"


def test_the_reference_list_places_an_organisation_over_the_minutes(
    client, plain_user, seed_meeting, seed_document, tmp_path
):
    assert _groups_of("varmland") == [("cosmic", "minutes")]
    fixtures = _fixtures(tmp_path, ["varmland,cerner", "gavleborg,cosmic"])
    result = load_reference(fixtures)
    # Two placed; Värmland's guess in Cosmic went (counted as updated).
    assert result["vendor_group_members"] == (2, 1)
    assert _groups_of("varmland") == [("cerner", "reference")]
    assert load_reference(fixtures)["vendor_group_members"] == (0, 0)

    save_minutes(copy.deepcopy(seed_document))  # the minutes say Cosmic – Värmland again
    assert _groups_of("varmland") == [("cerner", "reference")]

    client.force_login(plain_user)
    page = client.get(reverse("regions:detail", args=["varmland"])).content.decode()
    assert "Leverantörsgrupp Cerner (angiven av Inera)" in page
    assert "Leverantörsgrupp Cosmic" not in page
    html = client.get(reverse("signing:dashboard")).content.decode()
    assert "Region Värmland</a> (enligt" not in html
    unknown = html.split("Leverantörsgrupp okänd för:")[1].split("</p>")[0]
    assert "Region Gävleborg" not in unknown

    # The list no longer names Gävleborg: the list's own membership goes, the group is
    # "okänd" again for it.
    load_reference(_fixtures(tmp_path, ["varmland,cerner"]))
    assert _groups_of("gavleborg") == []


@pytest.mark.parametrize(
    "line, message",
    [
        ("varmland,epic", "leverantörsgruppen 'epic' finns inte i vendor_groups.csv"),
        ("atlantis,cosmic", "organisationen 'atlantis' finns inte i organisations.csv"),
        (
            "gavleborg,none",
            "'gavleborg' står både utan leverantörsgrupp (none) och i en grupp (rad 2)",
        ),
    ],
)
def test_an_unknown_name_in_the_reference_list_is_refused_and_nothing_changes(
    seed_meeting, tmp_path, line, message
):
    before = _groups_of("varmland")
    fixtures = _fixtures(
        tmp_path,
        ["gavleborg,cosmic", line],
        organisations_edit=lambda t: t.replace("Region Blekinge,", "Region Blekinge län,"),
    )
    with pytest.raises(CommandError) as refused:
        call_command("load_reference", fixtures=str(fixtures))
    assert message in str(refused.value)
    assert "rad 3" in str(refused.value) and "Inget lästes in." in str(refused.value)
    assert refused.value.returncode == 2
    assert _groups_of("varmland") == before
    assert _groups_of("gavleborg") == []
    assert Organisation.objects.get(key="blekinge").name == "Region Blekinge"


def test_load_reference_reports_each_organisations_vendor_group(seed_meeting, tmp_path, capsys):
    call_command("load_reference", fixtures=str(_fixtures(tmp_path, ["halland,vas"])))
    assert "vendor_group_members: created 1, updated 0" in capsys.readouterr().out


def test_staff_placing_an_organisation_in_the_admin_ends_the_minutes_guess(
    client, admin_user, seed_meeting, seed_document
):
    client.force_login(admin_user)
    cerner = VendorGroup.objects.get(key="cerner")
    varmland = Organisation.objects.get(key="varmland")
    response = client.post(
        reverse("admin:signing_rollout_vendorgroupmembership_add"),
        {"vendor_group": cerner.pk, "organisation": varmland.pk},
    )
    assert response.status_code == 302
    assert _groups_of("varmland") == [("cerner", "admin")]
    save_minutes(copy.deepcopy(seed_document))
    assert _groups_of("varmland") == [("cerner", "admin")]

    # A guess staff agree with: confirming it makes it Inera's word.
    sormland = VendorGroupMembership.objects.get(organisation__key="sormland")
    assert sormland.source == "minutes"
    client.post(
        reverse("admin:signing_rollout_vendorgroupmembership_changelist"),
        {"action": "confirm", "_selected_action": [sormland.pk]},
    )
    assert _groups_of("sormland") == [("sussa", "admin")]
    listing = client.get(reverse("admin:signing_rollout_vendorgroup_changelist")).content
    assert "okända" in listing.decode()
    change = client.get(reverse("admin:signing_rollout_vendorgroup_change", args=[cerner.pk]))
    assert change.status_code == 200 and "Region Värmland" in change.content.decode()


def test_saving_a_meeting_again_takes_back_the_guesses_its_minutes_no_longer_make(
    seed_meeting, seed_document
):
    document = copy.deepcopy(seed_document)
    for test in document["signing_tests"]:
        if test["vendor_group"] == "cosmic":
            test["tested_by"] = "kalmar"
    save_minutes(document)
    assert _groups_of("varmland") == []
    assert _groups_of("kalmar") == [("cosmic", "minutes")]


OWN = "Ingen leverantörsgrupp (egen integration)"


def _say_none(client, key):
    """Staff record in the admin that the organisation uses no vendor group."""
    return client.post(
        reverse("admin:signing_rollout_vendorgroupmembership_add"),
        {"vendor_group": "", "organisation": Organisation.objects.get(key=key).pk},
    )


def test_staff_can_say_an_organisation_uses_no_vendor_group_and_the_pages_tell_it_from_okand(
    client, admin_user, plain_user, seed_meeting
):
    client.force_login(admin_user)
    add = client.get(reverse("admin:signing_rollout_vendorgroupmembership_add")).content
    assert f'<option value="" selected>{OWN}</option>' in add.decode()
    assert _say_none(client, "gavleborg").status_code == 302
    assert _groups_of("gavleborg") == [(None, "admin")]
    listing = client.get(reverse("admin:signing_rollout_vendorgroupmembership_changelist"))
    assert f'<td class="field-group">{OWN}</td>' in listing.content.decode()

    client.force_login(plain_user)
    html = client.get(reverse("signing:dashboard")).content.decode()
    unknown = html.split("Leverantörsgrupp okänd för:")[1].split("</p>")[0]
    assert "Region Gävleborg" not in unknown and "Region Dalarna" in unknown
    own = html.split(f"{OWN}:")[1].split("</p>")[0]
    assert "Region Gävleborg" in own and "Region Dalarna" not in own

    gavleborg = client.get(reverse("regions:detail", args=["gavleborg"])).content.decode()
    assert f"<p>{OWN}, angiven av Inera.</p>" in gavleborg
    assert "Leverantörsgrupp: okänd." not in gavleborg
    dalarna = client.get(reverse("regions:detail", args=["dalarna"])).content.decode()
    assert "Leverantörsgrupp: okänd." in dalarna and OWN not in dalarna

    rows = client.get(reverse("regions:list")).context["table"].rows
    by_name = {row.record.name: row for row in rows}
    assert by_name["Region Gävleborg"].get_cell("vendor_group") == OWN
    assert by_name["Region Dalarna"].get_cell("vendor_group") == "okänd"
    assert by_name["Region Värmland"].get_cell("vendor_group") == "Cosmic"


def test_no_vendor_group_is_inera_word_over_the_minutes_and_a_group_ends_it(
    client, admin_user, seed_meeting, seed_document, tmp_path
):
    client.force_login(admin_user)
    assert _groups_of("varmland") == [("cosmic", "minutes")]
    _say_none(client, "varmland")
    assert _groups_of("varmland") == [(None, "admin")]
    save_minutes(copy.deepcopy(seed_document))  # the minutes say Cosmic – Värmland again
    assert _groups_of("varmland") == [(None, "admin")]

    # Said once is enough: a second "none" is refused, in Swedish.
    again = _say_none(client, "varmland")
    assert again.status_code == 200
    assert "Organisationen är redan angiven utan leverantörsgrupp." in again.content.decode()

    # Staff place it in a group after all: that ends the "none".
    client.post(
        reverse("admin:signing_rollout_vendorgroupmembership_add"),
        {
            "vendor_group": VendorGroup.objects.get(key="cerner").pk,
            "organisation": Organisation.objects.get(key="varmland").pk,
        },
    )
    assert _groups_of("varmland") == [("cerner", "admin")]
    # And "none" takes it out of every group again.
    _say_none(client, "varmland")
    assert _groups_of("varmland") == [(None, "admin")]

    # The reference list naming its group is Inera's word too, and the newer one.
    load_reference(_fixtures(tmp_path, ["varmland,vas"]))
    assert _groups_of("varmland") == [("vas", "reference")]


def _list_names(client, **params):
    rows = client.get(reverse("regions:list"), params).context["table"].rows
    return {row.record.name for row in rows}


def test_the_reference_list_says_no_group_with_none_and_the_list_filters_by_it(
    client, admin_user, plain_user, seed_meeting, tmp_path
):
    # Staff had placed Halland in Cosmic in the admin; the list says it uses none, and
    # Värmland (the minutes' guess in Cosmic) uses Cerner.
    client.force_login(admin_user)
    client.post(
        reverse("admin:signing_rollout_vendorgroupmembership_add"),
        {
            "vendor_group": VendorGroup.objects.get(key="cosmic").pk,
            "organisation": Organisation.objects.get(key="halland").pk,
        },
    )
    assert _groups_of("halland") == [("cosmic", "admin")]
    fixtures = _fixtures(tmp_path, ["halland,None", "varmland,cerner"])
    assert load_reference(fixtures)["vendor_group_members"] == (2, 2)
    assert _groups_of("halland") == [(None, "reference")]
    assert _groups_of("varmland") == [("cerner", "reference")]
    assert load_reference(fixtures)["vendor_group_members"] == (0, 0)

    client.force_login(plain_user)
    halland = client.get(reverse("regions:detail", args=["halland"])).content.decode()
    assert OWN in halland and "Leverantörsgrupp Cosmic" not in halland
    assert _list_names(client, vendor_group="ingen") == {"Region Halland"}
    cerner = VendorGroup.objects.get(key="cerner").pk
    assert _list_names(client, vendor_group=cerner) == {"Region Värmland"}
    unknown = _list_names(client, vendor_group="okand")
    assert "Region Gävleborg" in unknown
    assert not {"Region Halland", "Region Värmland", "Region Sörmland"} & unknown
    # The filter's choices: every group, then the two answers that are no group.
    form = client.get(reverse("regions:list")).content.decode()
    assert '<option value="ingen">Ingen (egen integration)</option>' in form
    assert '<option value="okand">Okänd (ingen har angett)</option>' in form
    refused = client.get(reverse("regions:list"), {"vendor_group": "epic"})
    assert "Välj ett giltigt alternativ." in refused.content.decode()

    # The list names a group for it later: that ends its "none".
    load_reference(_fixtures(tmp_path, ["halland,vas"]))
    assert _groups_of("halland") == [("vas", "reference")]
    assert _list_names(client, vendor_group="ingen") == set()
