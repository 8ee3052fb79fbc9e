from django.apps import AppConfig


class WebcertForumConfig(AppConfig):
    name = "webcert_forum"
    verbose_name = "Användarforum"
