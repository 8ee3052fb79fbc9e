"""Who may manage which service windows: the site's rules (``webcert_forum.core.permissions``)
applied to the windows, decided once per request on the server.

Inera staff manage every organisation's windows; a region editor only their own
organisation's, reached through that organisation; everyone else reads."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from webcert_forum.core.permissions import Access

from .models import ServiceWindow


class WindowRole(Access):
    @property
    def may_manage(self):
        return self.may_edit_something

    @property
    def fixed_organisation(self):
        """The organisation a form is locked to: the editor's own; None for staff."""
        return self.organisation

    def may_edit(self, window):
        return self.may_change(window)

    def may_delete(self, window, today):
        """Editors may not register past windows, so they may not remove them either."""
        return self.may_edit(window) and (self.staff or window.end_date >= today)

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
    return WindowRole(user)
