"""Advice: the advice given to a client and the letters sent for the case."""
