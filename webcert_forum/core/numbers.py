"""Numbers written as Django writes them, with the language's formats read once.

django.utils.formats.number_format asks for the active language and looks up three formats
for every number it writes; on /statistics/, 1 700 numbers, that lookup was most of their
cost. A ``NumberFormat`` reads them once (per table or per template tag) and then calls
the same django.utils.numberformat.format, so the text is Django's own.
"""

from math import isfinite

from django.conf import settings
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
        # shows it need not escape it again. SafeString, not mark_safe(): a text is never
        # lazy here, and mark_safe's check for one cost as much as the grouping below.
        if decimal_pos is None and self.grouping == 3:
            if force_grouping or settings.USE_THOUSAND_SEPARATOR:
                text = self._grouped_by_three(value)
                if text is not None:
                    return SafeString(text)
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

    def _grouped_by_three(self, value):
        """What numberformat.format writes for an int, or a float in fixed notation, with
        groups of three digits and no set number of decimals, without its digit-by-digit
        loop (a chart's data table writes hundreds); None for anything else."""
        if type(value) is int:
            return f"{value:,}".replace(",", self.thousand_separator)
        if type(value) is not float or not isfinite(value):
            return None
        text = str(value)
        if "e" in text:
            return None
        sign, text = ("-", text[1:]) if text[0] == "-" else ("", text)
        whole, _, decimals = text.partition(".")
        whole = f"{int(whole):,}".replace(",", self.thousand_separator)
        return f"{sign}{whole}{self.decimal_separator}{decimals}"


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
