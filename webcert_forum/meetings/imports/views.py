"""Upload a minutes PDF, preview what it would change, then confirm or discard.

Only holders of ``webcert_forum.import_minutes`` reach these views; only the uploader may
act on a run (confirm, discard, map labels), so a run is looked up through its uploader.
"""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_tables2 import SingleTableView

from regions.models import Organisation
from webcert_forum.core.tables import TablePagesMixin
from webcert_forum.importer import MinutesImportError

from ..forms import LabelMappingForm, MinutesUploadForm
from ..models import ImportRun
from ..services import DocumentRejected
from ..tables import ImportCountsTable, ImportRunTable, UnresolvedLabelTable, UpdatedRowsTable
from . import runs as imports
from .wording import swedish_warning

PERMISSION = "webcert_forum.import_minutes"
importer_required = permission_required(PERMISSION, raise_exception=True)
# A first import creates ~700 statistics cells: list the first ones, count the rest.
CREATED_SHOWN = 25


@importer_required
def upload(request):
    posted = request.method == "POST"
    form = MinutesUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if getattr(request, "upload_too_large", False):
        form.refuse_as_too_large()
    elif request.method == "POST" and form.is_valid():
        pdf = form.cleaned_data["file"]
        try:
            run = imports.start_import(
                pdf.read(), pdf.name, request.user, form.cleaned_data["meeting_date"]
            )
        except MinutesImportError as error:
            field = "meeting_date" if error.code == "no_meeting_date" else "file"
            form.add_error(field, error.swedish_message)
        else:
            return redirect("meetings:import-preview", pk=run.pk)
    recent = ImportRun.objects.select_related("uploaded_by", "meeting").order_by("-created_at")
    recent_table = ImportRunTable(list(recent[:5]), exclude=("saved_at", "sha256"), orderable=False)
    return render(
        request, "webcert_forum/import_upload.html", {"form": form, "recent_table": recent_table}
    )


class ImportHistoryView(TablePagesMixin, SingleTableView):
    table_class = ImportRunTable
    template_name = "webcert_forum/import_history.html"
    paginate_by = 25

    def get_queryset(self):
        return ImportRun.objects.select_related("uploaded_by", "meeting").order_by("-created_at")


history = importer_required(ImportHistoryView.as_view())


@importer_required
def preview(request, pk):
    run = get_object_or_404(ImportRun.objects.select_related("uploaded_by", "meeting"), pk=pk)
    labels = [u["label"] for u in imports.unresolved_labels(run.document, "organisation")]
    mapping_form = LabelMappingForm(labels=labels) if labels else None
    return _render_preview(request, run, mapping_form)


def _render_preview(request, run, mapping_form):
    document = run.document
    previewing = run.status == ImportRun.Status.PREVIEW
    verbs = SAVED_VERBS if run.status == ImportRun.Status.SAVED else PREVIEW_VERBS
    parts = sections(run.summary)
    for part in parts:
        part["updated_table"] = UpdatedRowsTable(
            part["updated"], caption=verbs["updated"], attrs={"class": "data-table changes"}
        )
    unresolved = document.get("unresolved", [])
    return render(
        request,
        "webcert_forum/import_preview.html",
        {
            "run": run,
            "may_act": previewing and run.uploaded_by_id == request.user.pk,
            "doubts": imports.doubts(run) if previewing else [],
            "sections": parts,
            "sections_table": ImportCountsTable(parts, verbs=verbs),
            "totals": run.summary.get("totals"),
            "conflicts": run.summary.get("conflicts", []),
            "rejected": run.summary.get("rejected"),
            "warnings": _swedish(document.get("warnings", [])),
            "verbs": verbs,
            "since_previous": run.summary.get("since_previous"),
            "pictures_error": run.summary.get("pictures_error"),
            "unresolved": unresolved,
            "unresolved_table": UnresolvedLabelTable(unresolved),
            "mapping_form": mapping_form,
        },
    )


PREVIEW_VERBS = {"created": "Skapas", "updated": "Ändras", "deleted": "Tas bort"}
SAVED_VERBS = {"created": "Skapades", "updated": "Ändrades", "deleted": "Togs bort"}


def _swedish(warnings):
    if not warnings:
        return []
    names = dict(Organisation.objects.values_list("key", "name"))
    return [swedish_warning(w, names) for w in warnings]


def sections(summary):
    """The stored summary per model, in the words of the model's own verbose name."""
    by_model = {}
    for change in summary.get("changes", []):
        by_model.setdefault(change["model"], []).append(change)
    result = []
    for label, counts in summary.get("counts", {}).items():
        changes = by_model.get(label, [])
        created = [c for c in changes if c["outcome"] == "created"]
        result.append(
            {
                "name": _model_name(label),
                "counts": counts,
                "created": created[:CREATED_SHOWN],
                "created_more": max(0, len(created) - CREATED_SHOWN),
                "updated": [c for c in changes if c["outcome"] == "updated"],
                "deleted": [c for c in changes if c["outcome"] == "deleted"],
            }
        )
    return sorted(result, key=lambda s: s["name"])


def _model_name(label):
    try:
        return str(apps.get_model(label)._meta.verbose_name_plural).capitalize()
    except (LookupError, ValueError):
        return label


def _own_run(request, pk):
    """Only the uploader acts on a run; anyone else's id is a 404."""
    return get_object_or_404(ImportRun, pk=pk, uploaded_by=request.user)


@importer_required
@require_POST
def map_labels(request, pk):
    run = _own_run(request, pk)
    labels = [u["label"] for u in imports.unresolved_labels(run.document, "organisation")]
    form = LabelMappingForm(request.POST, labels=labels)
    if not form.is_valid():
        return _render_preview(request, run, form)
    try:
        imports.map_labels(run, form.mapping(), request.user)
    except imports.ImportAlreadyDone as done:
        messages.warning(request, _already_done(done.run))
    else:
        messages.success(request, "Etiketterna är kopplade och sparade som alias.")
    return redirect("meetings:import-preview", pk=run.pk)


@importer_required
@require_POST
def confirm(request, pk):
    run = _own_run(request, pk)
    try:
        run, summary = imports.confirm_import(run, request.user)
    except imports.ImportAlreadyDone as done:
        messages.warning(request, _already_done(done.run))
    except DocumentRejected:
        messages.error(
            request, "Protokollet kan inte sparas: koppla först etiketterna till organisationer."
        )
    else:
        totals = summary.as_dict()["totals"]
        messages.success(
            request,
            f"Protokollet är sparat: {totals['created']} skapade, {totals['updated']} ändrade, "
            f"{totals['unchanged']} oförändrade.",
        )
        if summary.pictures_error:
            messages.warning(request, summary.pictures_error)
    return redirect("meetings:import-preview", pk=run.pk)


@importer_required
@require_POST
def discard(request, pk):
    run = _own_run(request, pk)
    try:
        imports.discard_import(run)
    except imports.ImportAlreadyDone as done:
        messages.warning(request, _already_done(done.run))
    else:
        messages.success(request, "Importen är avbruten. Inget sparades.")
    return redirect("meetings:import")


def _already_done(run):
    if run.status == ImportRun.Status.SAVED:
        return "Importen är redan sparad."
    return "Importen är redan avbruten."
