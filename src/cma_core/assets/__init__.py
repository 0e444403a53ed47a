"""Assets, insolvency history and residence facts (unknown is ``None``, never ``False``)."""
