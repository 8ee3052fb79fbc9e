"""`{{ figure|chart_json_script:"fig-id" }}`: Django's json_script, escaped in a faster way.

json_script escapes <, > and & with str.translate and a dict, which looks up every character of
the text in Python: 6 of the 8 ms that the six figures of /statistics/ (50 KB of JSON) took.
Three str.replace calls escape the same three characters in C. The markup is json_script's
own (a test holds them equal).

Registered as a template library in settings (TEMPLATES OPTIONS "libraries"), like table_tags.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(is_safe=True)
def chart_json_script(value, element_id):
    text = json.dumps(value, cls=DjangoJSONEncoder)
    # The three characters json_script escapes, to the same escapes (none holds another).
    text = text.replace("&", "\\u0026").replace("<", "\\u003C").replace(">", "\\u003E")
    return format_html(
        '<script id="{}" type="application/json">{}</script>', element_id, mark_safe(text)
    )
