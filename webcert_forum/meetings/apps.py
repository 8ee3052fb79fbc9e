from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "webcert_forum.meetings"
    # The label the app had when it was the project package itself: tables, migrations and
    # the permission "webcert_forum.import_minutes" keep their names.
    label = "webcert_forum"
    verbose_name = "Användarforum"
