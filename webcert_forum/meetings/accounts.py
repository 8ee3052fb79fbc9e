"""The groups behind the roles of ``webcert_forum.core.permissions``, and the demo accounts."""

from django.contrib.auth.models import Group, Permission, User

from regions.models import Organisation, UserProfile
from webcert_forum.core.permissions import STAFF_GROUP

IMPORTERS_GROUP = "Importörer"

DEMO_ACCOUNTS = [
    ("admin", "administratör: importerar protokoll, Django admin"),
    ("inera", "Inera-personal: läser allt, redigerar alla servicefönster"),
    ("jonkoping", "regionredaktör för Region Jönköpings län"),
]


def ensure_groups():
    staff, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    importers, _ = Group.objects.get_or_create(name=IMPORTERS_GROUP)
    importers.permissions.add(
        Permission.objects.get(codename="import_minutes", content_type__app_label="webcert_forum")
    )
    return staff, importers


def _user(username, **flags):
    user, _ = User.objects.get_or_create(username=username, defaults=flags)
    user.set_password("demo")
    for key, value in flags.items():
        setattr(user, key, value)
    user.save()
    return user


def create_demo_users():
    staff, importers = ensure_groups()
    admin = _user("admin", is_staff=True, is_superuser=True)
    admin.groups.add(staff, importers)
    inera = _user("inera")
    inera.groups.add(staff)
    jonkoping = _user("jonkoping")
    UserProfile.objects.update_or_create(
        user=jonkoping, defaults={"organisation": Organisation.objects.get(key="jonkoping")}
    )
    return admin, inera, jonkoping
