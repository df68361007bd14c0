"""Background work (django-tasks): rendering long documents away from the request."""

from django_tasks import task


@task()
def cetak(cetakan_id: int) -> None:
    from lkjip.render import jalankan

    jalankan(cetakan_id)
