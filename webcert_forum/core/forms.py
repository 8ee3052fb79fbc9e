"""The one way a form field is laid out: label, widget, help text, errors; and the choice
widgets written in Python.

Django renders a select or a list of checkboxes through one template per option, which
include two or three more each: the statistics filter's 70-odd checkboxes took a fifth of
that page's time (23 ms), a filter's selects 2–3 ms of a list page. The renderer writes the
same markup for those templates itself (tests/foundation/test_rendering.py compares the
two); any other template, or a widget with its own option template, is rendered as usual.
A project override of one of these Django templates would have to be dropped from WRITERS.
"""

from django.forms.renderers import TemplatesSetting
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime


class FormRenderer(TemplatesSetting):
    field_template_name = "_field.html"

    def render(self, template_name, context, request=None):
        writer = WRITERS.get(template_name)
        widget = context.get("widget")
        if writer is not None and widget is not None:
            written = writer(widget)
            if written is not None:
                return mark_safe(written)  # noqa: S308 every part is escaped by the writer
        return super().render(template_name, context, request=request)


def _text(value):
    """`{{ value }}` in a template: local time, localised, escaped unless safe."""
    return conditional_escape(localize(template_localtime(value)))


def _attributes(attrs):
    """django/forms/widgets/attrs.html: ` name="value"`, a bare name for True, none for False."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def _options(widget, template_name):
    """The options, or None if any has an option template of its own."""
    options = [
        option for _group, group_options, _index in widget["optgroups"] for option in group_options
    ]
    if any(option["template_name"] != template_name for option in options):
        return None
    return options


def _select(widget):
    """django/forms/widgets/select.html and select_option.html."""
    if _options(widget, "django/forms/widgets/select_option.html") is None:
        return None
    parts = [f'<select name="{_text(widget["name"])}"{_attributes(widget["attrs"])}>']
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f'\n  <optgroup label="{_text(group)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{escape(str(option["value"]))}"'
                f"{_attributes(option['attrs'])}>{_text(option['label'])}</option>\n"
            )
        if group:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _multiple_input(option_template):
    """django/forms/widgets/multiple_input.html (checkboxes, radio buttons), each option as
    input_option.html with input.html, included by `option_template` (each template's
    closing newline included)."""

    def write(widget):
        if _options(widget, option_template) is None:
            return None
        outer = widget["attrs"]
        parts = ["<div"]
        if outer.get("id"):
            parts.append(f' id="{_text(outer["id"])}"')
        if outer.get("class"):
            parts.append(f' class="{_text(outer["class"])}"')
        parts.append(">")
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f"\n  <div><label>{_text(group)}</label>")
            for option in options:
                parts.append(f"<div>\n    {_input_option(option)}</div>")
            if group:
                parts.append("\n  </div>")
        parts.append("\n</div>")
        return "".join(parts)

    return write


def _input_option(option):
    value = "" if option["value"] is None else f' value="{escape(str(option["value"]))}"'
    element = (
        f'<input type="{_text(option["type"])}" name="{_text(option["name"])}"{value}'
        f"{_attributes(option['attrs'])}>\n"
    )
    if not option["wrap_label"]:
        return element + "\n\n"
    label_for = option["attrs"].get("id")
    opening = f'<label for="{_text(label_for)}">' if label_for else "<label>"
    return f"{opening}{element} {_text(option['label'])}</label>\n\n"


WRITERS = {
    "django/forms/widgets/select.html": _select,
    "django/forms/widgets/checkbox_select.html": _multiple_input(
        "django/forms/widgets/checkbox_option.html"
    ),
    "django/forms/widgets/radio.html": _multiple_input("django/forms/widgets/radio_option.html"),
}
