"""Who may manage which service windows, decided once per request on the server.

Inera staff manage every organisation's windows; a region editor only their own
organisation's, reached through that organisation; everyone else reads."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from webcert_forum.core.permissions import editor_organisation, is_staff_member

from .models import Organisation, ServiceWindow


@dataclass(frozen=True)
class WindowRole:
    staff: bool
    organisation: Organisation | None

    @property
    def may_manage(self):
        return self.staff or self.organisation is not None

    @property
    def fixed_organisation(self):
        """The organisation a form is locked to: the editor's own; None for staff."""
        return None if self.staff else self.organisation

    def may_edit(self, window):
        if self.staff:
            return True
        return self.organisation is not None and window.organisation_id == self.organisation.pk

    def windows(self):
        if self.staff:
            return ServiceWindow.objects.all()
        if self.organisation is not None:
            return self.organisation.service_windows.all()
        return ServiceWindow.objects.none()

    def editable_window(self, pk):
        """The window to change, or 403 when it belongs to someone else (404 if none)."""
        if not self.may_manage:
            raise PermissionDenied("Du får inte ändra servicefönster.")
        window = self.windows().select_related("organisation").filter(pk=pk).first()
        if window is not None:
            return window
        if ServiceWindow.objects.filter(pk=pk).exists():
            raise PermissionDenied("Servicefönstret tillhör en annan organisation.")
        raise Http404("Servicefönstret finns inte.")


def window_role(user):
    staff = is_staff_member(user)
    return WindowRole(staff=staff, organisation=None if staff else editor_organisation(user))
