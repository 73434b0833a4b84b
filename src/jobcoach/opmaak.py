"""Getallen in Nederlandse notatie (Babel, locale nl_NL): 1,75 uur, 4,37%, 1.000 uur."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from babel.numbers import format_decimal

LOCALE = "nl_NL"


def _decimaal(getal: Fraction | float | int, decimalen: int) -> Decimal:
    if isinstance(getal, float):
        getal = Fraction(str(getal))
    breuk = Fraction(getal)
    exact = Decimal(breuk.numerator) / Decimal(breuk.denominator)
    return exact.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def getal(waarde: Fraction | float | int, decimalen: int = 2) -> str:
    """Een getal met hoogstens ``decimalen`` decimalen, afgerond, zonder nullen achteraan: 0,5; 1,75; 960."""
    patroon = "#,##0." + "#" * decimalen if decimalen else "#,##0"
    return format_decimal(_decimaal(waarde, decimalen), format=patroon, locale=LOCALE)


def uren(waarde: Fraction | float | int) -> str:
    """Uren zoals in de casus: '42', '1,75', '0,5'."""
    return getal(waarde, 2)


def procent_afgekapt(percentage: Fraction) -> str:
    """Een berekend percentage, afgekapt (niet afgerond) op twee decimalen: 4,375 → '4,37%'."""
    afgekapt = Fraction(int(Fraction(percentage) * 100 // 1), 100)
    return format_decimal(_decimaal(afgekapt, 2), format="#,##0.00", locale=LOCALE) + "%"


def procent(waarde: Fraction | float | int) -> str:
    """Een ingevoerd percentage (zoals een regime): '6%', '7,5%'."""
    return getal(waarde, 2) + "%"
