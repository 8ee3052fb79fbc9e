"""The one way a form field is laid out: label, widget, help text, errors."""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.html import escape
from django.utils.safestring import mark_safe


class FormRenderer(TemplatesSetting):
    field_template_name = "_field.html"


def _attributes(attrs):
    """django/forms/widgets/attrs.html: ` name="value"`, a bare name for True, none for False."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Django's CheckboxSelectMultiple, the same markup written in Python. Its templates
    include four more templates per option, which made the 70-odd checkboxes of the
    statistics filter a fifth of that page's time (23 ms); tests/foundation/test_rendering.py
    compares the two."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        outer = widget["attrs"]
        parts = ["<div"]
        if outer.get("id"):
            parts.append(f' id="{escape(outer["id"])}"')
        if outer.get("class"):
            parts.append(f' class="{escape(outer["class"])}"')
        parts.append(">")
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f"\n  <div><label>{escape(group)}</label>")
            for option in options:
                parts.append("<div>\n    ")
                parts.append(_option(option))
                parts.append("</div>")
            if group:
                parts.append("\n  </div>")
        parts.append("\n</div>")
        return mark_safe("".join(parts))  # noqa: S308 every part escaped above


def _option(option):
    """django/forms/widgets/input_option.html with input.html, as checkbox_option.html
    includes it (each template's closing newline included)."""
    value = "" if option["value"] is None else f' value="{escape(str(option["value"]))}"'
    element = (
        f'<input type="{escape(option["type"])}" name="{escape(option["name"])}"{value}'
        f"{_attributes(option['attrs'])}>\n"
    )
    if not option["wrap_label"]:
        return element + "\n\n"
    label_for = option["attrs"].get("id")
    opening = f'<label for="{escape(label_for)}">' if label_for else "<label>"
    return f"{opening}{element} {escape(option['label'])}</label>\n\n"
