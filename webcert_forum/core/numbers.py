"""Numbers written as Django writes them, with the language's formats read once.

django.utils.formats.number_format asks for the active language and looks up three formats
for every number it writes; on /statistics/, 1 700 numbers, that lookup was most of their
cost. A ``NumberFormat`` reads them once (per table or per template tag).

Django then groups the digits one by one in Python (10 µs a number; the chart data tables of
/statistics/ write 1 200). Where the language groups in threes, as Swedish does, Python's own
format spec "," groups the same digits in C; the sign, the decimals (cut, not rounded) and the
separators are then placed as Django places them. Every other case (grouping off or not in
threes, exponents, Decimal) goes to django.utils.numberformat.format itself. A test holds the
two to the same text over random numbers.
"""

import html

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
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
        self._groups_in_threes = settings.USE_THOUSAND_SEPARATOR and self.grouping == 3

    def __call__(self, value, decimal_pos=None, force_grouping=False):
        if self._groups_in_threes:
            kind = type(value)
            if kind is int:
                text = self._grouped(value)
                if decimal_pos:
                    text += self.decimal_separator + "0" * decimal_pos
                return SafeString(text)
            if kind is float:
                text = repr(value)
                # Exponents, nan and inf: Django's own path.
                if text[-1].isdigit() and "e" not in text:
                    return SafeString(self._float(text, decimal_pos))
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

    def _grouped(self, number):
        text = format(number, ",")
        return (
            text if self.thousand_separator == "," else text.replace(",", self.thousand_separator)
        )

    def _float(self, text, decimal_pos):
        sign = "-" if text[0] == "-" else ""
        whole, decimals = text.lstrip("-").split(".")
        if decimal_pos is not None:
            decimals = decimals[:decimal_pos] + "0" * (decimal_pos - len(decimals))
        # int() of the whole part's digits: "-0.5" keeps its sign above, as in Django.
        whole = self._grouped(int(whole))
        return sign + whole + (self.decimal_separator + decimals if decimals else "")


# One NumberFormat per language: number_format() below is called number by number from code
# that has no table or template context to keep one in.
_by_language = {}


def number_format(value, decimal_pos=None, force_grouping=False):
    """django.utils.formats.number_format(value, decimal_pos, force_grouping=…): the same
    text, with the active language's formats read once."""
    key = get_language(), settings.USE_THOUSAND_SEPARATOR
    formatter = _by_language.get(key)
    if formatter is None:
        formatter = _by_language[key] = NumberFormat()
    return formatter(value, decimal_pos, force_grouping)


@receiver(setting_changed)
def _forget_formats(**kwargs):
    _by_language.clear()


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
    autoescape = context.autoescape

    def write(value):
        # Not isinstance: bool is an int, but localize() writes it as True/False.
        kind = type(value)
        if kind is int or kind is float:
            return formatter(value)
        # Text as the engine writes it (localize() and template_localtime() leave it as it
        # is; conditional_escape() keeps the safe, escapes the rest), without its checks for
        # lazy text, which cost more than the escaping on a table of a thousand cells.
        if kind is SafeString or (kind is str and not autoescape):
            return value
        if kind is str:
            return SafeString(html.escape(value))
        return render_value_in_context(value, context)

    return write
