"""Document pages: the Renstra and LKjIP with their previews, finals and Excel tables (:mod:`.dokumen`),
narratives (:mod:`.narasi`), the typed tables T-C.23/T-C.24 (:mod:`.periode_lalu`) and the benchmarks
(:mod:`.pembanding`)."""
