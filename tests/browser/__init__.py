"""Browsertests. Dit bestand maakt van de map een pakket, zodat deze conftest.py niet botst met tests/conftest.py."""
