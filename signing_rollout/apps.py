from django.apps import AppConfig


class SigningRolloutConfig(AppConfig):
    name = "signing_rollout"
    verbose_name = "Signering"
