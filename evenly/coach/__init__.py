"""The coach: notices phrasing that may land badly and offers a calmer reframe.

Pure Python by design: no Django and nothing else from ``evenly`` is imported
here, so it can be tested and benchmarked on its own.
"""

from .engine import MAX_LENGTH, analyze
from .models import BLANK, CONTEXTS, KINDS, Analysis, Context, Finding, Kind

__all__ = ["BLANK", "CONTEXTS", "KINDS", "MAX_LENGTH", "Analysis", "Context", "Finding", "Kind", "analyze"]
