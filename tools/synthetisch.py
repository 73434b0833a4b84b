"""Synthetische casussen en pagina's voor de prestatiemeting (``make bench``).

Elke casus is een geldig casusbestand in het echte formaat, gemaakt met een vaste seed: dezelfde
seed geeft dezelfde casussen. Elke pagina roept de echte macro's aan (``schema_tabel``,
``berekening_tabel``, ``bevindingen`` en ``casus(...)`` in lopende tekst).
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

KNELPUNTEN = [
    "Aansturingsbehoefte",
    "Problemen in de privésituatie",
    "Aanleren goede werknemersmentaliteit",
    "Aanleren handelingen en vaardigheden (inwerken)",
    "Omgaan met collega's",
    "Plannen en structureren van het werk",
    "Omgaan met werkdruk",
    "Communicatie met de leidinggevende",
    "Reizen naar het werk",
    "Vasthouden van de aandacht",
    "Omgaan met veranderingen in het werk",
    "Begrijpen van werkinstructies",
]
MOTIVERINGEN = [
    "Korte gesprekken met de klant op de werkplek.",
    "Instrueren van de begeleider.",
    "Bespreken van voorvallen achteraf.",
    "Samen met de klant een weekplanning maken.",
    "Uitleg aan collega's over de beperkingen van de klant.",
    "Oefenen van nieuwe taken onder begeleiding.",
    "Verwijzen naar hulp buiten het werk.",
    "Evalueren met werkgever en klant.",
]
ZINNEN = [
    "De klant werkt sinds kort bij deze werkgever.",
    "De werkgever heeft ervaring met mensen met een afstand tot de arbeidsmarkt.",
    "Op de werkvloer is een vaste begeleider aanwezig.",
    "De werkzaamheden zijn eenvoudig en herhalen zich vaak.",
    "De klant wil graag zelfstandiger werken.",
    "Er zijn afspraken gemaakt over een evaluatie na drie maanden.",
    "De jobcoach bezoekt de werkplek op vaste momenten.",
    "De arbeidsdeskundige sprak met de klant, de werkgever en de jobcoach.",
    "De werkplek is rustig en overzichtelijk.",
    "De klant reist met het openbaar vervoer naar het werk.",
]
DOOR_ANDERS = ["werkgever", "leidinggevende", "begeleider", "collega"]


def naam(i: int) -> str:
    return f"synth-{i:04d}"


def maak_casus(rng: random.Random, i: int) -> dict:
    """Een geldige casus met een wisselend aantal rijen, intensiteiten en uren."""
    rijen = []
    for _ in range(rng.randint(3, 9)):
        rij: dict = {
            "aard": rng.choice(["persoonlijk", "functioneel"]),
            "knelpunt": rng.choice(KNELPUNTEN),
        }
        if rng.random() < 0.7:
            rij["door"] = "jobcoach"
            rij["uren"] = rng.choice([0.25, 0.5, 0.75, 1, 1.5, 2, 3])
            rij["intensiteit"] = rng.choice(["wekelijks", "wekelijks", "tweewekelijks", "maandelijks", "eenmalig"])
            rij["doel"] = rng.randint(1, 3)
        else:
            rij["door"] = rng.choice(DOOR_ANDERS)
            if rng.random() < 0.3:
                rij["uren"] = rng.choice([0.5, 1, 2])
                rij["intensiteit"] = rng.choice(["wekelijks", "maandelijks"])
        aantal = rng.randint(0, 3)
        if aantal == 1:
            rij["motivering"] = rng.choice(MOTIVERINGEN)
        elif aantal > 1:
            rij["motivering"] = rng.sample(MOTIVERINGEN, aantal)
        rijen.append(rij)
    if not any(r["door"] == "jobcoach" for r in rijen):
        rijen[0].update(door="jobcoach", uren=1, intensiteit="wekelijks", doel=1)
    contract: dict = {"uren_per_week": rng.choice([12, 16, 20, 24, 28, 32, 36, 38, 40])}
    if rng.random() < 0.8:
        contract["maanden"] = rng.choice([6, 6, 12])
    else:
        contract["weken"] = rng.choice([26, 30, 52])
    casus: dict = {
        "titel": f"Proefcasus {i}: {rng.choice(KNELPUNTEN).lower()}",
        "protocol": "protocol-2011",
        "bron": "Gemaakt door tools/synthetisch.py voor de prestatiemeting",
        "contract": contract,
        "aanvraag": {"regime": rng.choice([5, 7.5, 10, 12, 15])},
        "schema": rijen,
    }
    if rng.random() < 0.5:
        casus["extra"] = [{"omschrijving": "Inspelen op onverwachte gebeurtenissen.", "uren": rng.choice([2, 4, 6]),
                           "doel": 1}]
    if rng.random() < 0.7:
        casus["advies"] = {"regime": rng.choice([4, 6, 8, 10])}
    return casus


def maak_pagina(rng: random.Random, i: int, casus: dict) -> str:
    """Een casuspagina die de echte macro's gebruikt, met wat lopende tekst eromheen."""
    n = naam(i)
    alineas = ["\n".join(rng.sample(ZINNEN, 4)) for _ in range(3)]
    return f"""---
title: "{casus['titel']}"
description: Gegenereerde casus voor de prestatiemeting.
---

{{% set c = casus('{n}') %}}

# {casus['titel']}

!!! note "Gegenereerde casus"
    Deze casus is gemaakt voor de prestatiemeting. De getallen komen uit `casussen/{n}.yml`.

## Situatie {{: #situatie }}

{alineas[0]}

De klant werkt {{{{ c.casus.contract.uren_per_week | getal }}}} uur per week, {{{{ c.weken | getal }}}}
weken lang. Dat zijn {{{{ c.contracturen | uren }}}} contracturen. De klant vraagt een regime van
{{{{ c.regime_aangevraagd | procent }}}}.

{alineas[1]}

## Schema begeleidingsbehoefte {{: #schema }}

{{{{ schema_tabel('{n}') }}}}

## Urenberekening {{: #urenberekening }}

{{{{ berekening_tabel('{n}') }}}}

{{{{ bevindingen('{n}') }}}}

## Conclusie {{: #conclusie }}

{alineas[2]}

In totaal is <span class="meting-totaal">{{{{ c.begeleidingsuren | uren }}}}</span> uur begeleiding nodig,
gemiddeld {{{{ c.uren_per_week | uren }}}} uur per week. Dat is {{{{ c.percentage | procent_afgekapt }}}} van de
contracturen.
"""


def schrijf_casussen(project: Path, aantal: int, seed: int = 20111108) -> list[str]:
    """Schrijf ``aantal`` casussen naar ``casussen/`` en hun pagina's naar ``docs/proefcasussen/``.

    Geeft de paden van de pagina's (relatief aan ``docs/``) terug, in volgorde.
    """
    rng = random.Random(seed)
    paginamap = project / "docs" / "proefcasussen"
    paginamap.mkdir(parents=True, exist_ok=True)
    paginas = []
    for i in range(1, aantal + 1):
        casus = maak_casus(rng, i)
        tekst = "# Gegenereerd door tools/synthetisch.py (prestatiemeting).\n" + yaml.safe_dump(
            casus, allow_unicode=True, sort_keys=False
        )
        (project / "casussen" / f"{naam(i)}.yml").write_text(tekst, encoding="utf-8")
        (paginamap / f"{naam(i)}.md").write_text(maak_pagina(rng, i, casus), encoding="utf-8")
        paginas.append(f"proefcasussen/{naam(i)}.md")
    return paginas
