"""Spreadsheets read into Sakip: a Renstra from a T-C.27 workbook (:mod:`renstra.importers.tc27`) and the official
nomenclature list (:mod:`renstra.importers.nomenklatur`)."""
