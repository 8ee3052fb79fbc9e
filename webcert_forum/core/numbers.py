"""Numbers written as Django writes them, with the language's formats read once.

django.utils.formats.number_format asks for the active language and looks up three formats
for every number it writes; on /statistics/, 1 700 numbers, that lookup was most of their
cost. A ``NumberFormat`` reads them once (per table or per template tag) and then calls
the same django.utils.numberformat.format, so the text is Django's own.
"""

from django.template.base import render_value_in_context
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language


class NumberFormat:
    """``number_format(value, decimal_pos, force_grouping=…)`` for the language active when
    it was made."""

    def __init__(self):
        language = get_language()
        self.decimal_separator = get_format("DECIMAL_SEPARATOR", language, use_l10n=True)
        self.grouping = get_format("NUMBER_GROUPING", language, use_l10n=True)
        self.thousand_separator = get_format("THOUSAND_SEPARATOR", language, use_l10n=True)

    def __call__(self, value, decimal_pos=None, force_grouping=False):
        # Digits, a sign and the language's separators: safe as HTML, so the cell that
        # shows it need not escape it again. SafeString, not mark_safe(): the text is never
        # lazy, and mark_safe's check for that cost as much as the formatting.
        return SafeString(
            numberformat.format(
                value,
                self.decimal_separator,
                decimal_pos,
                self.grouping,
                self.thousand_separator,
                force_grouping=force_grouping,
                use_l10n=True,
            )
        )


def of_table(table):
    """The table's NumberFormat, made at its first number: one table renders in one language."""
    formatter = getattr(table, "_number_format", None)
    if formatter is None:
        formatter = table._number_format = NumberFormat()
    return formatter


def value_writer(context):
    """render_value_in_context(value, context), numbers through one NumberFormat: `{{ value }}`
    as the template engine writes it."""
    if not context.use_l10n and context.use_l10n is not None:
        return lambda value: render_value_in_context(value, context)
    formatter = NumberFormat()

    def write(value):
        # Not isinstance: bool is an int, but localize() writes it as True/False.
        if type(value) in (int, float):
            return formatter(value)
        return render_value_in_context(value, context)

    return write
