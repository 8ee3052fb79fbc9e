"""The site's faster renderers write exactly what the libraries' own templates write: the
rows of a django-tables2 table ({% table_body %}), its date columns, the rows of the data
tables and the charts' data tables; links reversed once for a table's rows are what
reverse() writes. Markup is compared with the whitespace between tags folded."""

import datetime as dt
import re

import django_tables2 as tables
import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.forms.renderers import DjangoTemplates
from django.template import Context, engines
from django.template.base import render_value_in_context
from django.test import RequestFactory
from django.urls import reverse
from django.utils import numberformat, translation
from django.utils.formats import number_format
from django.utils.html import format_html
from django_tables2 import RequestConfig
from hypothesis import example, given, settings
from hypothesis import strategies as st

from webcert_forum.core.numbers import NumberFormat, value_writer
from webcert_forum.core.tables import (
    BooleanColumn,
    DataTable,
    DateColumn,
    DateTimeColumn,
    PageLinkColumn,
)
from webcert_forum.core.urls import urls_of
from webcert_forum.core.widgets import CheckboxList

STOCKHOLM = dt.timezone(dt.timedelta(hours=2))


def folded(html):
    """Whitespace runs as one space, none beside a tag: a table cell shows its text the same
    with or without the template's indentation around it."""
    return re.sub(r"\s*(<[^>]*>)\s*", r"\1", re.sub(r"\s+", " ", html)).strip()


def rendered(table, template_name, query=""):
    request = RequestFactory().get(f"/?{query}")
    request.user = AnonymousUser()
    RequestConfig(request, paginate={"per_page": 2}).configure(table)
    template = engines["django"].from_string(
        '{% load django_tables2 %}{% render_table table "' + template_name + '" %}'
    )
    return folded(template.render({"table": table}, request))


class Sample(tables.Table):
    name = tables.Column(verbose_name="Namn", linkify=lambda record: f"/o/{record['key']}/")
    count = tables.Column(
        verbose_name="Antal", attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    share = tables.Column(verbose_name="Andel", localize=True)
    code = tables.Column(verbose_name="Kod", localize=False, default="–")
    flagged = tables.Column(
        verbose_name="Flagga",
        attrs={"td": {"data-flag": lambda value: "ja" if value else "nej"}},
    )
    note = tables.Column(verbose_name="Not", orderable=False)
    day = DateColumn("Y-m-d", verbose_name="Dag")
    at = DateTimeColumn("Y-m-d H:i", verbose_name="När", default="–")
    month = DateColumn("F Y", verbose_name="Månad")
    # Render methods and linkify functions asking for different arguments: the site reads
    # each one's signature once per table, django-tables2 once per cell.
    label = tables.Column(
        verbose_name="Etikett",
        accessor="key",
        linkify=lambda value, record, **rest: f"/e/{value}/?n={record['count']}",
        attrs={"a": {"class": lambda record: f"l-{record['count']}"}},
    )
    unoffered = tables.Column(verbose_name="Ej erbjuden", accessor="key", default="–")

    def render_note(self, value):
        return format_html("<em>{}</em>", value)

    def render_label(self, value, bound_column, **rest):
        return f"{value} ({bound_column.name}, {rest['record']['share']})"

    def render_unoffered(self, value, something_else):
        return "never called"


ROWS = [
    {
        "key": "skane",
        "name": "Region Skåne <AB>",
        "count": 12345,
        "share": 12.5,
        "code": 1234,
        "flagged": True,
        "note": "a & b",
        "day": dt.date(2022, 6, 1),
        "at": dt.datetime(2022, 9, 5, 23, 30, tzinfo=dt.UTC),
        "month": dt.date(2022, 5, 1),
    },
    {
        "key": "halland",
        "name": "Region Halland",
        "count": 7,
        "share": 0.25,
        "code": None,
        "flagged": False,
        "note": "<script>",
        "day": dt.date(2021, 12, 24),
        "at": None,
        "month": dt.date(2021, 1, 1),
    },
    {
        "key": "gotland",
        "name": "Region Gotland",
        "count": 0,
        "share": 1.0,
        "code": 5,
        "flagged": None,
        "note": "",
        "day": dt.date(2020, 2, 29),
        "at": dt.datetime(2020, 2, 29, 8, 0, tzinfo=STOCKHOLM),
        "month": dt.date(2020, 2, 1),
    },
]


@pytest.mark.parametrize("query", ["", "page=2", "sort=-count", "sort=name&page=2"])
def test_table_rows_are_what_django_tables2_writes(query):
    ours = rendered(Sample(ROWS), "_tables2_table.html", query)
    theirs = rendered(Sample(ROWS), "django_tables2/table.html", query)
    assert ours == theirs
    # The header and a page of two rows; the second page has the third row only.
    assert ours.count("<tr") == (2 if "page=2" in query else 3)


class Footed(Sample):
    """Footers as text, as a function of the table, and as a render_footer method; a
    header that needs escaping."""

    name = tables.Column(verbose_name="Namn & <ort>", footer="Totalt <alla>")
    count = tables.Column(
        verbose_name="Antal",
        attrs={"td": {"class": "num"}, "th": {"class": "num"}, "tf": {"class": "sum"}},
        footer=lambda table: sum(row["count"] for row in table.data),
    )


class ShareFooter(tables.Column):
    def render_footer(self, bound_column, table):
        return format_html("<b>{}</b>", bound_column.header)


@pytest.mark.parametrize("query", ["", "t-sort=-count", "t-sort=name&t-page=2&other=a&other=b"])
def test_header_and_footer_cells_are_what_django_tables2_writes(query):
    class Both(Footed):
        share = ShareFooter(verbose_name="Andel", localize=True)

    ours = rendered(Both(ROWS, prefix="t-"), "_tables2_table.html", query)
    assert ours == rendered(Both(ROWS, prefix="t-"), "django_tables2/table.html", query)
    assert '<tfoot ><tr><td >Totalt &lt;alla&gt;</td><td class="sum">12 352</td>' in ours
    assert "Namn &amp; &lt;ort&gt;</a></th>" in ours
    assert ("other=a&amp;other=b" in ours) == ("other" in query)


def test_cells_are_escaped_localised_and_attributed_per_row():
    html = rendered(Sample(ROWS), "_tables2_table.html")
    assert '<td ><a href="/o/skane/">Region Skåne &lt;AB&gt;</a></td>' in html
    assert '<td class="num">12 345</td>' in html  # localised: a space between thousands
    assert "<td >12,5</td><td >1234</td>" in html  # localize=True and False
    assert '<td data-flag="ja">True</td>' in html and '<td data-flag="nej">False</td>' in html
    assert "<td ><em>a &amp; b</em></td>" in html
    assert "<td >2022-06-01</td><td >2022-09-06 01:30</td><td >maj 2022</td>" in html
    assert '<a class="l-12345" href="/e/skane/?n=12345">skane (label, 12.5)</a>' in html
    assert "never called" not in html


def test_an_empty_table_says_so_as_django_tables2_does():
    ours = rendered(Sample([], empty_text="Inga rader."), "_tables2_table.html")
    assert ours == rendered(Sample([], empty_text="Inga rader."), "django_tables2/table.html")
    assert '<tbody ><tr><td colspan="11">Inga rader.</td></tr></tbody>' in ours


def test_date_columns_show_and_export_what_django_tables2_does():
    class Theirs(tables.Table):
        day = tables.DateColumn("Y-m-d")
        at = tables.DateTimeColumn("Y-m-d H:i", default="–")
        month = tables.DateColumn("F Y")

    class Ours(tables.Table):
        day = DateColumn("Y-m-d")
        at = DateTimeColumn("Y-m-d H:i", default="–")
        month = DateColumn("F Y")

    assert rendered(Ours(ROWS), "django_tables2/table.html") == rendered(
        Theirs(ROWS), "django_tables2/table.html"
    )
    assert list(Ours(ROWS).as_values()) == list(Theirs(ROWS).as_values())
    assert "2022-09-06 01:30" in rendered(Ours(ROWS), "django_tables2/table.html")


DATA_TABLE_LOOP = (
    "{% for row_attrs, cells in table.layout_rows %}<tr {{ row_attrs }}>"
    "{% for row_header, attrs, cell in cells %}{% if row_header %}"
    '<th scope="row"{% if attrs %} {{ attrs }}{% endif %}>{{ cell }}</th>'
    "{% else %}<td{% if attrs %} {{ attrs }}{% endif %}>{{ cell }}</td>{% endif %}"
    "{% endfor %}</tr>\n{% empty %}{% if table.empty_text %}"
    '<tr><td colspan="{{ table.columns|length }}" class="empty">{{ table.empty_text }}</td>'
    "</tr>{% endif %}{% endfor %}"
)


class Figures(DataTable):
    name = tables.Column(verbose_name="Namn")
    count = tables.Column(verbose_name="Antal", attrs={"td": {"class": "num"}})
    share = tables.Column(verbose_name="Andel")
    note = tables.Column(verbose_name="Not")
    row_headers = True

    class Meta:
        empty_text = "Inga & inget."

    def render_note(self, value):
        return format_html("<em>{}</em>", value)


@pytest.mark.parametrize("rows", [ROWS, []])
def test_data_table_rows_are_what_the_layout_loop_wrote(rows):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    engine = engines["django"]
    ours = engine.from_string("{% load table_tags %}{% data_table_rows table %}")
    theirs = engine.from_string(DATA_TABLE_LOOP)
    assert ours.render({"table": Figures(rows)}, request) == theirs.render(
        {"table": Figures(rows)}, request
    )
    html = ours.render({"table": Figures(rows)}, request)
    if rows:
        assert '<th scope="row">Region Skåne &lt;AB&gt;</th><td class="num">12\xa0345</td>' in html
    else:
        assert html == '<tr><td colspan="4" class="empty">Inga &amp; inget.</td></tr>'


# certificate_statistics/_data_table.html's rows as a template loop, before chart_data_rows.
CHART_DATA_LOOP = (
    "{% for row in rows %}<tr>{% for cell in row %}{% if forloop.first %}"
    '<th scope="row">{{ cell }}</th>{% else %}<td class="num">'
    '{{ cell|default_if_none:"" }}</td>{% endif %}{% endfor %}</tr>\n  {% endfor %}'
)


def test_chart_data_rows_are_what_the_template_loop_wrote():
    rows = [
        ["maj 2022", 12345, 12.5, None, 0],
        [format_html("<a href='/o/'>{}</a>", "Skåne"), "<b>", 1.0, -7, None],
        [],
    ]
    engine = engines["django"]
    ours = engine.from_string("{% load table_tags %}{% chart_data_rows rows %}")
    theirs = engine.from_string(CHART_DATA_LOOP)
    html = ours.render({"rows": rows})
    assert html == theirs.render({"rows": rows})
    assert '<tr><th scope="row">maj 2022</th><td class="num">12\xa0345</td>' in html
    assert '<td class="num">&lt;b&gt;</td>' in html and '<td class="num"></td>' in html


VALUES = [
    0,
    7,
    -1204,
    12345,
    1234567890,
    0.5,
    -8.125,
    1234.5,
    1e20,
    True,
    False,
    None,
    "",
    "a & <b>",
    format_html("<em>{}</em>", "x"),
    dt.date(2022, 6, 14),
    dt.datetime(2022, 9, 5, 23, 30, tzinfo=dt.UTC),
]


@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("use_l10n", [None, True, False])
def test_the_value_writer_writes_what_the_template_engine_writes(autoescape, use_l10n):
    context = Context(autoescape=autoescape, use_l10n=use_l10n)
    write = value_writer(context)
    for value in VALUES:
        assert write(value) == render_value_in_context(value, context), value
    if use_l10n is not False:
        assert write(-1204) == "-1\xa0204" and write(0.5) == "0,5"


def test_a_number_format_writes_what_number_format_writes():
    formatter = NumberFormat()
    for value in [0, 7, -1204, 1234567, 0.25, -8.125, 1234.5]:
        for decimal_pos in (None, 0, 1, 2):
            for force_grouping in (False, True):
                assert formatter(value, decimal_pos, force_grouping) == number_format(
                    value, decimal_pos=decimal_pos, force_grouping=force_grouping
                )
    assert formatter(-1204, force_grouping=True) == "-1\xa0204"


NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e7, max_value=1e7).map(lambda x: round(x, 3)),
    st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(
    value=NUMBERS,
    decimal_pos=st.one_of(st.none(), st.integers(min_value=0, max_value=4)),
    force_grouping=st.booleans(),
    language=st.sampled_from(["sv", "en", "de", "fr"]),
    grouped=st.booleans(),
)
@example(value=-0.5, decimal_pos=None, force_grouping=False, language="sv", grouped=True)
@example(value=-0.0, decimal_pos=2, force_grouping=False, language="sv", grouped=True)
@example(value=1e16, decimal_pos=1, force_grouping=False, language="sv", grouped=True)
@example(value=12345678.9, decimal_pos=0, force_grouping=False, language="sv", grouped=True)
def test_a_number_format_groups_any_number_as_django_does(
    value, decimal_pos, force_grouping, language, grouped
):
    """The fast grouping in threes writes what django.utils.numberformat writes, for every
    language, sign, size, exponent and count of decimals; with grouping off, too."""
    from django.test import override_settings

    with override_settings(USE_THOUSAND_SEPARATOR=grouped), translation.override(language):
        formatter = NumberFormat()
        expected = numberformat.format(
            value,
            formatter.decimal_separator,
            decimal_pos,
            formatter.grouping,
            formatter.thousand_separator,
            force_grouping=force_grouping,
            use_l10n=True,
        )
        assert formatter(value, decimal_pos, force_grouping) == str(expected)


@pytest.mark.parametrize(
    "viewname, values",
    [
        ("meetings:detail", ["2022-06-01", "1999-12-31"]),
        ("regions:detail", ["skane", "capio-st-goran", "vastra_gotaland"]),
        # reverse() quotes these; urls_of leaves them to it.
        ("meetings:detail", ["a b", "å", "x?y", "50%"]),
    ],
)
def test_urls_of_many_are_what_reverse_writes(viewname, values):
    url = urls_of(viewname)
    assert [url(value) for value in values] == [reverse(viewname, args=[v]) for v in values]


# signing_rollout/_over_meetings_table.html's rows as a template loop, before
# status_over_meetings_rows.
OVER_MEETINGS_LOOP = (
    '{% for date, status, n in over_meetings %}<tr><td>{{ date|date:"Y-m-d" }}</td><td>'
    '{% if status == "done" %}Klart{% elif status == "planned" %}Planerat{% else %}'
    'Ej rapporterat{% endif %}</td><td class="num">{{ n }}</td></tr>{% empty %}<tr>'
    '<td colspan="3" class="empty">Inga protokoll.</td></tr>{% endfor %}'
)


@pytest.mark.parametrize(
    "over_meetings",
    [
        [
            (dt.date(2022, 6, 1), "done", 1),
            (dt.date(2022, 6, 1), "planned", 12345),
            (dt.date(2022, 6, 1), "not_reported", 0),
            (dt.date(999, 1, 2), "something else", -3),
            (dt.datetime(2022, 9, 5, 23, 30, tzinfo=dt.UTC), "done", 2.5),
            (None, "", None),
        ],
        [],
    ],
)
def test_status_over_meetings_rows_are_what_the_template_loop_wrote(over_meetings):
    engine = engines["django"]
    ours = engine.from_string(
        "{% load signing_rollout_tables %}{% status_over_meetings_rows over_meetings %}"
    )
    theirs = engine.from_string(OVER_MEETINGS_LOOP)
    html = ours.render({"over_meetings": over_meetings})
    assert html == theirs.render({"over_meetings": over_meetings})
    if over_meetings:
        assert '<tr><td>2022-06-01</td><td>Planerat</td><td class="num">12\xa0345</td></tr>' in html
        assert "<td>2022-09-06</td>" in html  # local time, as the filter shows it


ROW_ATTRS = [
    {"class": "marked", "data-kind": "organisation"},
    {"class": lambda record: "big" if record["count"] > 10 else "", "data-key": "k"},
    {"data-key": lambda record: record["key"], "hidden": None},
]


@pytest.mark.parametrize("row_attrs", ROW_ATTRS)
def test_row_attributes_are_what_django_tables2_writes(row_attrs):
    # Worked out once for even and once for odd rows when no callable is among them.
    ours = rendered(Sample(ROWS, row_attrs=row_attrs), "_tables2_table.html", "per_page=3")
    theirs = rendered(Sample(ROWS, row_attrs=row_attrs), "django_tables2/table.html", "per_page=3")
    assert ours == theirs
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    engine = engines["django"]
    loop = engine.from_string(DATA_TABLE_LOOP)
    tag = engine.from_string("{% load table_tags %}{% data_table_rows table %}")
    html = tag.render({"table": Figures(ROWS, row_attrs=row_attrs)}, request)
    assert html == loop.render({"table": Figures(ROWS, row_attrs=row_attrs)}, request)
    assert html.count("<tr") == 3 and "odd" in html and "even" in html


class Cells(tables.Table):
    """A cell rendered by a template in the page's context, and a column hidden before
    rendering, as django-tables2 allows."""

    name = tables.Column(verbose_name="Namn")
    link = tables.TemplateColumn(
        '<a href="{{ request.path }}?k={{ record.key }}">{{ page_word }} {{ value }}</a>',
        accessor="key",
    )
    note = tables.Column(verbose_name="Not")

    def before_render(self, request):
        self.columns.hide("note")


@pytest.mark.parametrize(
    "make, query",
    [
        (lambda: Sample(ROWS), "sort=-count&page=2"),
        (lambda: Sample([], empty_text="Inga rader."), ""),
        (lambda: Figures(ROWS, caption="Siffror"), ""),
        (lambda: Cells(ROWS), "sort=name"),
    ],
)
def test_table_html_is_what_render_table_writes(make, query):
    request = RequestFactory().get(f"/sida/?{query}")
    request.user = AnonymousUser()
    engine = engines["django"]
    page = "{% load django_tables2 table_tags %}<main>{% block %}{% endblock %}</main>"

    def written(tag):
        table = make()
        RequestConfig(request, paginate={"per_page": 2}).configure(table)
        template = engine.from_string(page.replace("{% block %}{% endblock %}", tag))
        return template.render({"table": table, "page_word": "Gå"}, request)

    ours = written("{% table_html table %}")
    assert ours == written("{% render_table table %}")
    assert "<table" in ours


class Statuses(tables.Table):
    """Model records: a foreign key, fields with choices, a property, a method, a path
    through a relation, a null relation, an attribute the record lacks."""

    organisation = tables.Column(linkify=True)
    status = tables.Column()
    date = DateColumn("Y-m-d", default="–")
    preliminary = tables.BooleanColumn(yesno="Ja,Nej")
    source = tables.Column()
    display_text = tables.Column()
    shown = tables.Column(accessor="get_source_display")
    name = tables.Column(accessor="organisation__name")
    reported_by = tables.Column(default="ingen")
    missing = tables.Column(accessor="no_such_thing", default="?")
    key = tables.Column(accessor="organisation__key")

    def render_key(self, value, record):
        return f"{value}/{record.get_status_display()}"


def test_cells_of_model_records_are_what_django_tables2_writes():
    from regions.models import Organisation
    from signing_rollout.models import ProductionStatus

    skane = Organisation(key="skane", name="Region Skåne", kind="region")
    halland = Organisation(key="halland", name="Region Halland <H>", kind="region")
    records = [
        ProductionStatus(organisation=skane, status="done", source="minutes", preliminary=True),
        ProductionStatus(
            organisation=halland, status="planned", date=dt.date(2022, 10, 1), source="form"
        ),
        ProductionStatus(organisation=halland, status="odd", source=""),
    ]
    ours = rendered(Statuses(records), "_tables2_table.html", "per_page=3")
    assert ours == rendered(Statuses(records), "django_tables2/table.html", "per_page=3")
    assert "<td >Klart</td>" in ours and "<td >formulär</td>" in ours
    assert "<td >planerad 2022-10-01</td>" in ours.lower() or "Planerat 2022-10-01" in ours
    assert "<td >ingen</td>" in ours and "<td >?</td>" in ours


def test_a_date_column_writes_a_repeated_date_once_per_language_as_django_tables2_does():
    from django.utils import translation

    class Theirs(tables.Table):
        month = tables.DateColumn("F Y")

    class Ours(tables.Table):
        month = DateColumn("F Y")

    rows = [{"month": dt.date(2022, 5, 1)}, {"month": dt.date(2022, 5, 1)}, {"month": None}]
    ours = Ours(rows)  # one table, its column's written dates kept across both languages
    for language, month in (("sv", "maj 2022"), ("en", "May 2022")):
        with translation.override(language):
            html = rendered(ours, "django_tables2/table.html")
            assert html == rendered(Theirs(rows), "django_tables2/table.html")
            assert html.count(f"<td >{month}</td>") == 2


def test_a_boolean_column_writes_what_django_tables2_writes():
    class Theirs(tables.Table):
        flagged = tables.BooleanColumn(yesno="Ja,Nej")
        maybe = tables.BooleanColumn(null=True, accessor="code")
        marked = tables.BooleanColumn(accessor="flagged", attrs={"span": {"title": "x"}})
        computed = tables.BooleanColumn(
            accessor="count", attrs={"span": {"data-n": lambda: "n"}}, yesno="+,-"
        )

    class Ours(tables.Table):
        flagged = BooleanColumn(yesno="Ja,Nej")
        maybe = BooleanColumn(null=True, accessor="code")
        marked = BooleanColumn(accessor="flagged", attrs={"span": {"title": "x"}})
        computed = BooleanColumn(
            accessor="count", attrs={"span": {"data-n": lambda: "n"}}, yesno="+,-"
        )

    ours = rendered(Ours(ROWS), "_tables2_table.html", "per_page=3")
    assert ours == rendered(Theirs(ROWS), "django_tables2/table.html", "per_page=3")
    assert '<span class="true">Ja</span>' in ours and '<span class="false">Nej</span>' in ours
    assert list(Ours(ROWS).as_values()) == list(Theirs(ROWS).as_values())


def test_a_page_link_column_writes_and_exports_what_linkify_does():
    class Linkified(tables.Table):
        name = tables.Column(linkify=("regions:detail", {"key": tables.A("key")}))

    class Linked(tables.Table):
        name = PageLinkColumn("regions:detail", lambda value, record: record["key"])

    rows = [
        {"key": "skane", "name": "Region Skåne <AB>"},
        {"key": "vastra-gotaland", "name": "Å & Ä"},
    ]
    ours = rendered(Linked(rows), "_tables2_table.html")
    assert ours == rendered(Linkified(rows), "django_tables2/table.html")
    assert '<a href="/regions/skane/">Region Skåne &lt;AB&gt;</a>' in ours
    assert '<a href="/regions/vastra-gotaland/">Å &amp; Ä</a>' in ours
    assert list(Linked(rows).as_values()) == list(Linkified(rows).as_values())


class WidgetShowcase(forms.Form):
    """Every widget whose option templates the site flattens, with groups, selected and
    disabled options and attributes that are True, False and text."""

    GROUPED = [("Regioner", [("skane", "Region Skåne"), ("uppsala", "Region <Uppsala>")])]
    GROUPED += [("cgm", "CGM & co")]

    boxes = forms.MultipleChoiceField(
        choices=GROUPED,
        widget=forms.CheckboxSelectMultiple(attrs={"data-x": "1", "autofocus": True}),
        initial=["uppsala"],
    )
    radios = forms.ChoiceField(
        choices=[("a", "A"), ("b", 'B "quoted"')], widget=forms.RadioSelect, initial="b"
    )
    select = forms.ChoiceField(
        choices=GROUPED, widget=forms.Select(attrs={"disabled": False, "required": True})
    )
    many = forms.MultipleChoiceField(choices=GROUPED, initial=["skane", "cgm"])
    yes_no = forms.NullBooleanField()
    box = forms.BooleanField(required=False, initial=True)


@pytest.mark.parametrize("bound", [False, True])
def test_the_flattened_widget_templates_write_what_djangos_own_write(bound):
    """templates/django/forms/widgets/ inlines the option templates' includes (four template
    renders an option became one); Django's renderer with only its own templates is the
    reference."""
    data = {"boxes": ["skane", "cgm"], "radios": "a", "select": "x", "yes_no": "true"}
    form = WidgetShowcase(data if bound else None)
    site = [str(form[name]) for name in form.fields]
    form.renderer = DjangoTemplates()
    assert site == [str(form[name]) for name in form.fields]


def test_number_format_follows_the_active_language_and_the_settings():
    from django.test import override_settings

    from webcert_forum.core.numbers import number_format as site_number_format

    for language in ("sv", "en", "de", "sv"):
        with translation.override(language):
            for value, decimals in [(-1204, None), (1234567.891, 1), (0.5, 2)]:
                expected = number_format(value, decimal_pos=decimals, force_grouping=True)
                assert site_number_format(value, decimals, force_grouping=True) == expected
    with override_settings(USE_THOUSAND_SEPARATOR=False):
        assert site_number_format(1204) == "1204" == number_format(1204)
    assert site_number_format(1204) == "1\xa0204"


JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(alphabet=st.sampled_from("<>&\"'\\/ aå€\u2028</script>")),
        st.dates(),
        st.decimals(allow_nan=False, allow_infinity=False),
    ),
    lambda children: st.lists(children) | st.dictionaries(st.text(max_size=5), children),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(value=JSON_VALUES, element_id=st.sampled_from(["fig-types", 'x"<y>&']))
def test_chart_json_script_writes_what_json_script_writes(value, element_id):
    from django.utils.html import json_script

    from webcert_forum.core.chart_tags import chart_json_script

    assert chart_json_script(value, element_id) == json_script(value, element_id)


def test_a_paginated_data_table_links_its_own_pages_keeping_the_rest_of_the_query():
    rows = [{"name": f"Rad {n}", "count": n, "share": None, "note": "x"} for n in range(5)]
    request = RequestFactory().get("/", {"b-page": 2, "a-page": 2, "q": "x"})
    request.user = AnonymousUser()
    template = engines["django"].from_string('{% include "_table.html" with table=table %}')

    def html(table, per_page=2):
        if per_page:
            RequestConfig(request, paginate={"per_page": per_page}).configure(table)
        return folded(template.render({"table": table}, request))

    first = html(Figures(rows, prefix="a-", pages_anchor="a-rubrik"))
    assert re.findall(r"Rad \d", first) == ["Rad 2", "Rad 3"]
    assert (
        '<nav aria-label="Sidor"><ul class="pagination">'
        '<li class="previous"><a href="?b-page=2&amp;a-page=1&amp;q=x#a-rubrik">Föregående</a></li>'
        "<li><span>Sida 2 av 3</span></li>"
        '<li class="next"><a href="?b-page=2&amp;a-page=3&amp;q=x#a-rubrik">Nästa</a></li>'
        "</ul></nav>"
    ) in first
    # The other table's page is its own parameter; without an anchor a link is the query.
    second = html(Figures(rows, prefix="b-"))
    assert re.findall(r"Rad \d", second) == ["Rad 2", "Rad 3"]
    assert 'href="?b-page=1&amp;a-page=2&amp;q=x">Föregående' in second
    # One page, or no paging: the table as before, no links.
    assert "<nav" not in html(Figures(rows, prefix="c-"), per_page=10)
    assert "<nav" not in html(Figures(rows), per_page=None)


class CheckboxListShowcase(forms.Form):
    """The statistics filter's checkbox lists, written in Python by core.widgets.CheckboxList,
    beside the same fields on Django's own widget: groups, checked and disabled options,
    attributes that are True, False and text, labels that need escaping or localising."""

    CHOICES = [
        ("Regioner", [("skane", "Region Skåne"), ("uppsala", "Region <Uppsala>")]),
        ("cgm", "CGM & co"),
        (3, 4.5),
    ]

    boxes = forms.MultipleChoiceField(
        choices=CHOICES,
        widget=CheckboxList(attrs={"data-x": "a&b", "autofocus": True, "hidden": False}),
        initial=["uppsala"],
    )
    styled = forms.MultipleChoiceField(
        choices=CHOICES[1:], widget=CheckboxList(attrs={"class": "cols"}), disabled=True
    )
    plain = forms.MultipleChoiceField(choices=[("x", "X")], widget=CheckboxList, required=False)


@pytest.mark.parametrize("auto_id", ["id_%s", False])
@pytest.mark.parametrize("bound", [False, True])
def test_checkbox_lists_written_in_python_are_djangos_checkbox_lists(bound, auto_id):
    data = {"boxes": ["skane", "cgm", "3"], "styled": ["cgm"], "plain": []}
    form = CheckboxListShowcase(data if bound else None, auto_id=auto_id)
    ours = [str(form[name]) for name in form.fields]
    for field in form.fields.values():
        field.widget = forms.CheckboxSelectMultiple(attrs=field.widget.attrs)
        field.widget.choices = field.choices
    form.renderer = DjangoTemplates()
    assert ours == [str(form[name]) for name in form.fields]
    assert 'value="uppsala"' in ours[0] and "Region &lt;Uppsala&gt;" in ours[0]


def test_a_signature_read_once_per_function_body_still_gives_each_function_its_arguments():
    import functools

    from webcert_forum.core.tables import called_with_what_it_takes

    def wrapped(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            return function(*args, **kwargs)

        return wrapper

    def footer_of(key):
        return lambda table: f"{key}:{table}"

    class Renderer:
        def render(self, value, record):
            return f"{value}/{record}"

    offered = {"value": 1, "record": "r", "table": "t", "column": "c"}
    by_value, by_record = wrapped(lambda value: value), wrapped(lambda record: record)
    assert called_with_what_it_takes(by_value)(offered) == 1
    assert called_with_what_it_takes(by_record)(offered) == "r"
    assert [called_with_what_it_takes(footer_of(k))(offered) for k in "ab"] == ["a:t", "b:t"]
    assert called_with_what_it_takes(Renderer().render)(offered) == "1/r"
    assert called_with_what_it_takes(Renderer.render)(offered) is None  # asks for self


def test_a_table_without_sort_links_renders_without_a_request_as_django_tables2_does():
    class Unsorted(tables.Table):
        name = tables.Column(verbose_name="Namn", footer="Totalt")

        class Meta:
            orderable = False

    page = (
        "{% load table_tags %}<tr>{% table_header_cells table %}</tr>{% table_footer_cells table %}"
    )
    html = engines["django"].from_string(page).render({"table": Unsorted(ROWS)})
    assert html == "<tr><th >Namn</th></tr><td >Totalt</td>"
