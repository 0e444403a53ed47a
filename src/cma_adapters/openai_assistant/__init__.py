"""The assistant on the OpenAI API (or any server speaking its chat completions API)."""

from cma_adapters.openai_assistant.assistant import OpenAIAssistant

__all__ = ["OpenAIAssistant"]
