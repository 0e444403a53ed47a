"""A rule-based assistant: keyword scoring and regular expressions, no network."""

from cma_adapters.rules_assistant.assistant import RuleBasedAssistant

__all__ = ["RuleBasedAssistant"]
