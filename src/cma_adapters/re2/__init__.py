"""google-re2: a linear-time regular expression engine for the patterns users type."""

from cma_adapters.re2.patterns import Re2PatternEngine

__all__ = ["Re2PatternEngine"]
