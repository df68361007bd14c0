"""Documents: Renstra, PK, Rencana Aksi and LKjIP as PDF and Excel."""
