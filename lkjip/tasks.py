"""Background work (django-tasks): rendering long documents away from the request."""

from django_tasks import task

from lkjip import render


@task()
def render_cetakan(cetakan_id: int) -> None:
    render.run(cetakan_id)
