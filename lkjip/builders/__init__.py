"""The content builders: from the data to a document's :class:`~lkjip.isi.Isi`, one package per document
(:mod:`lkjip.builders.lkjip`, :mod:`lkjip.builders.renstra`), one function per numbered chapter and table."""
