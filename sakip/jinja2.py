"""Jinja2 environment for the few row-heavy fragments (plan tree, grids) where Django templates are too
slow for plans of hundreds of rows; pages themselves stay Django templates."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from jinja2 import Environment

from sakip.lib.numbers import format_number, format_rupiah


def environment(**options) -> Environment:
    options.pop("autoescape", None)
    env = Environment(**options, autoescape=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update({"static": static, "url": reverse})
    env.filters.update(
        {
            "angka": lambda value, places=2: format_number(value, places),
            "rupiah": format_rupiah,
        }
    )
    return env


def rows_html(template: str, **context):
    """Render a row-heavy fragment with Jinja2 (autoescaped) for insertion in a Django template."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    return mark_safe(render_to_string(template, context, using="jinja2"))  # noqa: S308
