"""The pages of kinerja: PK, rencana aksi, realisasi, verifikasi, dasbor, pengaturan."""
