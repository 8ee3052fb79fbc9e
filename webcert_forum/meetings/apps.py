from django.apps import AppConfig, apps


class MeetingsConfig(AppConfig):
    name = "webcert_forum.meetings"
    # The label the app had when it was the project package itself: tables, migrations and
    # the permission "webcert_forum.import_minutes" keep their names.
    label = "webcert_forum"
    verbose_name = "Användarforum"

    def ready(self):
        from webcert_forum.importer.parts import discover

        # Each app's minutes.py declares its part of the minutes document.
        discover(app.name for app in apps.get_app_configs())
