from django.apps import AppConfig


class RenstraConfig(AppConfig):
    name = "renstra"
    default_auto_field = "django.db.models.BigAutoField"
