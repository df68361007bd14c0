"""Kinerja: perjanjian kinerja, rencana aksi, realisasi and capaian."""
