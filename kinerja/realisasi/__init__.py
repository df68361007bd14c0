"""Realisasi: entering what happened (indicators, budget) in the entry windows, verification, dashboards.

Models share kinerja's migrations: realisasi are measured against the PK and the Renstra targets.
"""
