from django.apps import AppConfig


class KinerjaConfig(AppConfig):
    name = "kinerja"
    default_auto_field = "django.db.models.BigAutoField"
