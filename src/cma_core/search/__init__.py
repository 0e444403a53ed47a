"""Search: documents projected from the events of every area, and the query side."""
