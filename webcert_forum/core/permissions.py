"""Who may do what, decided on the server for every request.

Inera staff (the group "Inera", or a superuser) change everything; a region editor (a user
whose profile names an organisation) changes what belongs to that organisation; everyone
else reads. Importing minutes is a permission of its own (``webcert_forum.import_minutes``).
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth import get_user_model

STAFF_GROUP = "Inera"


def is_staff_member(user):
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=STAFF_GROUP).exists()
    )


def editor_organisation(user):
    """The organisation a region editor edits for, or None."""
    if not user.is_authenticated:
        return None
    # Through the user model's reverse accessor: the kit names no app's model.
    profiles = get_user_model().profile.related.related_model.objects
    profile = profiles.filter(user=user).select_related("organisation").first()
    return profile.organisation if profile else None


def owner_id(obj):
    """The key of the organisation an object belongs to: its own for an organisation."""
    return obj.organisation_id if hasattr(obj, "organisation_id") else obj.pk


@dataclass(frozen=True)
class Access:
    """One user's rights: ``may_change(obj)`` answers for any object with an organisation."""

    user: object

    @cached_property
    def staff(self):
        return is_staff_member(self.user)

    @cached_property
    def organisation(self):
        """The editor's own organisation; None for staff and for readers."""
        return None if self.staff else editor_organisation(self.user)

    @property
    def may_edit_something(self):
        return self.staff or self.organisation is not None

    def may_change(self, obj):
        """Staff change anything; an editor what belongs to their organisation."""
        if self.staff:
            return True
        return self.organisation is not None and owner_id(obj) == self.organisation.pk
