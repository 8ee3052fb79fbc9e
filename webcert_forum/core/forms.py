"""The one way a form field is laid out: label, widget, help text, errors."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "_field.html"
