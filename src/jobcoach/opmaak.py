"""Getallen in Nederlandse notatie (Babel, locale nl_NL): 1,75 uur, 4,37%, 1.000 uur."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext
from fractions import Fraction
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

LOCALE = "nl_NL"

# Elke casuspagina toont tientallen getallen, en dezelfde waarden komen steeds terug. Babel leest bij
# elke aanroep van format_decimal het patroon opnieuw in; daarom lezen we locale en patronen één keer
# in en onthouden we opgemaakte getallen. Dat maakt de bouw van veel casussen merkbaar sneller.
_LOCALE = Locale.parse(LOCALE)


@lru_cache(maxsize=None)
def _patroon(patroon: str) -> NumberPattern:
    return parse_pattern(patroon)


def _opmaak(getal: Decimal, patroon: str) -> str:
    with localcontext() as ctx:  # Babel rondt zelf ook af: genoeg cijfers, ook voor heel grote getallen
        ctx.prec = max(28, getal.adjusted() + 6)
        return _patroon(patroon).apply(getal, _LOCALE)


def _decimaal(getal: Fraction | float | int, decimalen: int) -> Decimal:
    """Het exacte getal, afgerond op ``decimalen`` decimalen, half van nul af (0,125 wordt 0,13)."""
    breuk = Fraction(str(getal)) if isinstance(getal, float) else Fraction(getal)
    q, rest = divmod(abs(breuk.numerator) * 10**decimalen, breuk.denominator)
    if 2 * rest >= breuk.denominator:
        q += 1
    return Decimal(-q if breuk < 0 else q).scaleb(-decimalen)


# Een getal op een pagina of in de terminal heeft nooit honderden cijfers: vanaf deze grens staat er 'meer dan …'.
# (De invoer heeft zelf grenzen; dit is de vangrail als een berekening toch zo'n getal geeft.)
GROOTSTE = 10**15


def _te_groot(waarde: Fraction | float | int, achter: str = "") -> str | None:
    if abs(Fraction(str(waarde)) if isinstance(waarde, float) else Fraction(waarde)) < GROOTSTE:
        return None
    grens = _opmaak(Decimal(GROOTSTE), "#,##0") + achter
    return f"meer dan {grens}" if waarde > 0 else f"minder dan -{grens}"


@lru_cache(maxsize=8192)
def getal(waarde: Fraction | float | int, decimalen: int = 2) -> str:
    """Een getal met hoogstens ``decimalen`` decimalen, afgerond, zonder nullen achteraan: 0,5; 1,75; 960."""
    te_groot = _te_groot(waarde)
    if te_groot is not None:
        return te_groot
    patroon = "#,##0." + "#" * decimalen if decimalen else "#,##0"
    return _opmaak(_decimaal(waarde, decimalen), patroon)


def uren(waarde: Fraction | float | int) -> str:
    """Uren zoals in de casus: '42', '1,75', '0,5'."""
    return getal(waarde, 2)


@lru_cache(maxsize=8192)
def procent_afgekapt(percentage: Fraction) -> str:
    """Een berekend percentage, afgekapt (niet afgerond) op twee decimalen: 4,375 → '4,37%'."""
    te_groot = _te_groot(percentage, "%")
    if te_groot is not None:
        return te_groot
    afgekapt = Fraction(int(Fraction(percentage) * 100 // 1), 100)
    return _opmaak(_decimaal(afgekapt, 2), "#,##0.00") + "%"


def datum(d: dt.date) -> str:
    """Een datum zoals in Nederland: 08-11-2011."""
    return d.strftime("%d-%m-%Y")


def procent(waarde: Fraction | float | int) -> str:
    """Een ingevoerd percentage (zoals een regime): '6%', '7,5%'."""
    return getal(waarde, 2) + "%"
