"""/map/: the counties of Sweden coloured by a chosen measure, drawn on the server as SVG."""

from django import forms
from django.shortcuts import render

from webcert_forum.overview.organisations.queries import latest_certificate_month

from .counties import SOURCE, VIEW_BOX
from .measures import MEASURES, sweden_map
from .tables import CountyTable


class MapForm(forms.Form):
    measure = forms.ChoiceField(
        label="Mått", choices=list(MEASURES.items()), initial="certificates", required=False
    )
    month = forms.DateField(
        label="Månad",
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        error_messages={"invalid": "Ange en månad som ÅÅÅÅ-MM, till exempel 2022-05."},
    )


def map_page(request):
    latest = latest_certificate_month()
    form = MapForm(request.GET or None, initial={"month": latest})
    data = None
    if not form.is_bound or form.is_valid():
        values = form.cleaned_data if form.is_bound else {}
        measure = values.get("measure") or "certificates"
        month = values.get("month") or latest
        data = sweden_map(measure, month.replace(day=1) if month else None)
    return render(
        request,
        "webcert_forum/map.html",
        {
            "form": form,
            "map": data,
            "table": CountyTable(data["counties"], measure_label=data["measure_label"])
            if data
            else None,
            "view_box": VIEW_BOX,
            "source": SOURCE,
        },
        status=200 if data else 400,
    )
