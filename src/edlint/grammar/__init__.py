"""Grammar and spelling backends behind one interface (the ``grammar`` and ``spelling`` rules).

- :mod:`.backend`: what a backend answers (:class:`~.backend.Problem`) and the interface.
- :mod:`.harper_backend`: Harper, in process (``pip install "edlint[grammar]"``).
- :mod:`.languagetool_backend`: a LanguageTool server the user configured.
- :mod:`.answers`: answers remembered per paragraph, beside the content cache.
- :mod:`.dictionary`: the house dictionary (config, word files, shipped packs, the article's names).
- :mod:`.kinds`: which kinds of problem each rule reports, and which are off by default.
- :mod:`.prose`: what is sent (prose only) and what is never reported (quotations).

Nothing here is imported on a run that does not enable the rules; ``harper`` itself is
imported only when a paragraph has to be checked and its answer is not remembered.
"""
