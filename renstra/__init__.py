"""Rencana strategis (Renstra): the medium-term plan of an OPD. Its models arrive with the Renstra issue."""
