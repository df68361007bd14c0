from django.apps import AppConfig


class LkjipConfig(AppConfig):
    name = "lkjip"
    default_auto_field = "django.db.models.BigAutoField"
