"""Choice widgets whose options are written in Python.

Django renders a checkbox list as one template render per option (the option template, four
before templates/django/forms/widgets/ inlined its includes); the statistics filter's three
lists are some sixty options, 7 of the 9 ms the form took. `CheckboxList` writes the markup of
Django's multiple_input.html and checkbox_option.html from the same context Django builds
(get_context, optgroups, create_option), so ids, `checked`, groups and attributes are Django's;
tests/foundation/test_rendering.py holds its output to Django's own templates byte for byte.
"""

from django import forms
from django.templatetags.l10n import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe


def _text(value):
    """`{{ value }}` in a template: localised, escaped unless safe."""
    return conditional_escape(localize(value))


def _formatted(value):
    """`{{ value|stringformat:'s' }}`: the filter keeps a safe value safe."""
    text = str(value)
    return text if isinstance(value, SafeData) else escape(text)


def _attributes(attrs):
    """django/forms/widgets/attrs.html: False left out, True as a bare name."""
    return "".join(
        f" {name}" if value is True else f' {name}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _option(option):
    attrs = option["attrs"]
    label_open = label_close = ""
    if option["wrap_label"]:
        label_open = f'<label for="{_text(attrs["id"])}">' if attrs.get("id") else "<label>"
        label_close = f" {_text(option['label'])}</label>"
    value = "" if option["value"] is None else f' value="{_formatted(option["value"])}"'
    return (
        f'{label_open}<input type="{_text(option["type"])}" name="{_text(option["name"])}"'
        f"{value}{_attributes(attrs)}>\n{label_close}\n\n"
    )


class CheckboxList(forms.CheckboxSelectMultiple):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        box_id, css_class = widget["attrs"].get("id"), widget["attrs"].get("class")
        parts = [
            "<div",
            f' id="{_text(box_id)}"' if box_id else "",
            f' class="{_text(css_class)}"' if css_class else "",
            ">",
        ]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f"\n  <div><label>{_text(group)}</label>")
            parts.extend(f"<div>\n    {_option(option)}</div>" for option in options)
            if group:
                parts.append("\n  </div>")
        parts.append("\n</div>")
        return mark_safe("".join(parts))
