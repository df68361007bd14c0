"""The pohon kinerja pages, one module per screen family."""
