import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from webcert_forum.core.tables import DataTable, DateColumn, DateTimeColumn, meeting_link_column

from .models import ImportRun, Meeting

YES_NO = "Ja,Nej"


class MeetingTable(tables.Table):
    date = DateColumn("Y-m-d", verbose_name="Datum", linkify=True)
    next_meeting = DateTimeColumn("Y-m-d H:i", verbose_name="Nästa möte")
    present_count = tables.Column(verbose_name="Närvarande organisationer")
    slide_count = tables.Column(verbose_name="Bilder")
    pdf = tables.Column(
        verbose_name="Protokoll",
        orderable=False,
        exclude_from_export=True,
        accessor="source_file",
        empty_values=(),
    )

    class Meta:
        model = Meeting
        fields = ("date", "next_meeting", "present_count", "slide_count", "pdf")
        order_by = "-date"
        empty_text = "Inga möten är inlästa ännu."

    def render_pdf(self, record):
        # Written here, not by a template per row (a TemplateColumn renders one per cell).
        if not record.source_file:
            return "–"
        return format_html(
            '<a href="{}">PDF</a>', reverse("meetings:pdf", args=[f"{record.date:%Y-%m-%d}"])
        )


class ImportRunTable(tables.Table):
    created_at = DateTimeColumn("Y-m-d H:i", verbose_name="Uppladdad")
    original_name = tables.Column(verbose_name="Fil")
    meeting_date = DateColumn("Y-m-d", verbose_name="Mötesdatum")
    uploaded_by = tables.Column(verbose_name="Uppladdad av", default="–")
    status = tables.Column(verbose_name="Status")
    saved_at = DateTimeColumn("Y-m-d H:i", verbose_name="Sparad", default="–")
    sha256 = tables.Column(verbose_name="SHA-256", attrs={"td": {"class": "hash"}})
    link = tables.TemplateColumn(
        template_name="webcert_forum/_import_run_link.html",
        verbose_name="",
        orderable=False,
        accessor="pk",
    )

    class Meta:
        model = ImportRun
        fields = (
            "created_at",
            "original_name",
            "meeting_date",
            "uploaded_by",
            "status",
            "saved_at",
            "sha256",
            "link",
        )
        order_by = "-created_at"
        empty_text = "Inga protokoll är uppladdade ännu."


# The meeting page and the organisation page


class MeetingAttendanceTable(DataTable):
    """One meeting's attendance: rows are Attendance with their organisation."""

    organisation = tables.Column(verbose_name="Organisation")
    present = tables.Column(verbose_name="Närvarande")

    class Meta:
        empty_text = "Ingen närvaro är registrerad."

    # Links and yes/no written here, not by linkify and BooleanColumn: a page lists every
    # organisation, and those cost several times more per cell.
    def render_organisation(self, value):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value)

    def render_present(self, value):
        return "Ja" if value else "Nej"


class OrganisationAttendanceTable(DataTable):
    """One organisation's attendance at every meeting: rows are Attendance with their
    meeting, newest first."""

    meeting = meeting_link_column(verbose_name="Möte")
    present = tables.Column(verbose_name="Närvarande")

    class Meta:
        empty_text = "Organisationen finns inte med i någon närvarolista."

    # Not BooleanColumn: a row for every meeting, and it costs several times more per cell.
    def render_present(self, value):
        return "Ja" if value else "Nej"


class FollowedQuestionTable(DataTable):
    """The questions followed up at a meeting: rows from questions.followed_at (each with
    `so_far` and `state`). Staff get a link to edit each; "Av" shows when anyone is named."""

    asked = tables.Column(verbose_name="Ställd", empty_values=())
    asked_by = tables.Column(verbose_name="Av", default="ej angivet")
    text = tables.Column(verbose_name="Fråga", attrs={"td": {"class": "slide-text"}})
    state = tables.Column(verbose_name="Status")
    answers = tables.Column(verbose_name="Svar", empty_values=())
    edit = tables.Column(
        verbose_name=mark_safe('<span class="visually-hidden">Åtgärd</span>'),  # noqa: S308 constant
        empty_values=(),
        exclude_from_export=True,
    )

    class Meta:
        empty_text = "Inga öppna frågor vid detta möte."

    def __init__(self, data, *, show_asked_by, may_edit, **kwargs):
        exclude = [
            name for name, shown in (("asked_by", show_asked_by), ("edit", may_edit)) if not shown
        ]
        super().__init__(data, exclude=exclude, **kwargs)

    def render_asked(self, record):
        return f"{record.asked_on or record.meeting.date:%Y-%m-%d}"

    def render_answers(self, record):
        if record.so_far:
            return format_html(
                '<ol class="answers">{}</ol>',
                format_html_join(
                    "",
                    "<li>{}: {}</li>",
                    ((f"{a.meeting.date:%Y-%m-%d}", a.text) for a in record.so_far),
                ),
            )
        return record.answer or "–"

    def value_answers(self, record):
        if record.so_far:
            return "; ".join(f"{a.meeting.date:%Y-%m-%d}: {a.text}" for a in record.so_far)
        return record.answer or ""

    def render_edit(self, record):
        return format_html(
            '<a href="{}">Ändra<span class="visually-hidden"> frågan från {}</span></a>',
            reverse("meetings:question-edit", args=[record.pk]),
            f"{record.meeting.date:%Y-%m-%d}",
        )


class NoticesBesideMinutesTable(DataTable):
    """Each organisation's attendance notice beside the minutes' attendance: the rows of
    preparation.notices_beside_minutes; a row that differs is marked."""

    organisation = tables.Column(verbose_name="Organisation")
    notice = tables.Column(verbose_name="Anmälan", default="Inget svar")
    present = tables.Column(verbose_name="Enligt protokollet", empty_values=())

    class Meta:
        row_attrs = {"class": lambda record: "differs" if record["differs"] else ""}

    def render_notice(self, value):
        return "Deltar" if value.attends else "Deltar inte"

    def render_present(self, value, record):
        text = "Inte med" if value is None else ("Närvarande" if value else "Frånvarande")
        if record["differs"]:
            return format_html("{} <strong>(avviker)</strong>", text)
        return text


class AttendanceNoticeTable(DataTable):
    """The answers to the next meeting's attendance notice (staff's view)."""

    organisation = tables.Column(verbose_name="Organisation")
    attends = tables.BooleanColumn(verbose_name="Deltar", yesno=YES_NO)
    attendees = tables.Column(verbose_name="Vem", default="")
    answered_at = tables.Column(verbose_name="Svarat")

    class Meta:
        empty_text = "Ingen organisation har svarat än."

    def render_answered_at(self, value, record):
        text = f"{timezone.localtime(value):%Y-%m-%d}"
        return f"{text} av {record.answered_by}" if record.answered_by else text


def _moment(day, time):
    return f"{day:%Y-%m-%d} {time:%H:%M}" if time else f"{day:%Y-%m-%d}"


class WindowConfirmationTable(DataTable):
    """An organisation's upcoming windows, each confirmed for the next meeting or with the
    buttons to do it: preparation.windows_to_confirm's windows."""

    start = tables.Column(verbose_name="Från", accessor="start_date")
    end = tables.Column(verbose_name="Till", accessor="end_date")
    note = tables.Column(verbose_name="Anteckning", default="")
    confirmation = tables.TemplateColumn(
        template_name="webcert_forum/_window_confirm_cell.html",
        verbose_name="Gäller fortfarande?",
        empty_values=(),
        exclude_from_export=True,
    )

    caption = "Kommande servicefönster"
    caption_hidden = True

    class Meta:
        empty_text = "Inga kommande servicefönster."

    def render_start(self, record):
        return _moment(record.start_date, record.start_time)

    def render_end(self, record):
        return _moment(record.end_date, record.end_time)


# The import preview

UNRESOLVED_KINDS = {
    "organisation": "organisation",
    "vendor_group": "leverantörsgrupp (lägg till alias i administrationen)",
}


class UnresolvedLabelTable(DataTable):
    """The names in the minutes that match no organisation: the document's `unresolved`."""

    label = tables.Column(verbose_name="Namn i protokollet")
    kind = tables.Column(verbose_name="Sort")
    slide = tables.Column(verbose_name="Bild", default="–")

    class Meta:
        empty_text = "Inga okända namn."

    def render_kind(self, value):
        return UNRESOLVED_KINDS.get(value, value)


class ImportCountsTable(DataTable):
    """What an import does (or did) per part: the rows of imports.views.sections, the
    columns named in the run's tense (`verbs`)."""

    name = tables.Column(verbose_name="Del")
    unchanged = tables.Column(verbose_name="Oförändrade", accessor="counts__unchanged")
    row_headers = True

    class Meta:
        sequence = ("name", "...", "unchanged")

    def __init__(self, data, *, verbs, **kwargs):
        columns = [
            (outcome, tables.Column(verbose_name=verbs[outcome], accessor=f"counts__{outcome}"))
            for outcome in ("created", "updated", "deleted")
        ]
        super().__init__(data, extra_columns=columns, **kwargs)


class UpdatedRowsTable(DataTable):
    """One part's updated rows: what, before and after."""

    description = tables.Column(verbose_name="Vad")
    old = tables.Column(verbose_name="Tidigare", empty_values=(None,), default="–")
    new = tables.Column(verbose_name="Nytt", empty_values=(None,), default="–")
