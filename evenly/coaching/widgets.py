from __future__ import annotations

import json
from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import get_language

from evenly.coach import CONTEXTS, Context

CHECK_URL = reverse_lazy("coaching:check")


def coach_reads_this_language() -> bool:
    """The coach's rules read English only (`evenly.coach`)."""
    return (get_language() or "en").startswith("en")


class CoachedTextarea(forms.Textarea):
    """A textarea whose words are checked by the coach when the author pauses
    typing. Findings appear beside it; sending is never blocked.

    In another language the box asks once, when the page loads, so the coach
    can say it reads English only; typing then sends nothing.

    ``context="reflection"`` is for saying back the partner's view: the coach
    then suggests reflective wording rather than the writer's own feelings.
    """

    template_name = "coaching/coached_textarea.html"

    def __init__(self, attrs: dict[str, Any] | None = None, context: Context = "message") -> None:
        super().__init__(attrs)
        self.context: Context = context if context in CONTEXTS else "message"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        widget_id = attrs.get("id") or f"id_{name}"
        findings_id = f"{widget_id}-coach"
        described_by = " ".join(filter(None, [attrs.get("aria-describedby"), findings_id]))
        attrs.update(
            {
                "hx-post": str(CHECK_URL),
                "hx-trigger": "input changed delay:700ms, load" if coach_reads_this_language() else "load",
                "hx-target": f"#{findings_id}",
                "hx-swap": "innerHTML",
                # hx-params filters hx-vals too, so the coach's own fields must be named.
                "hx-params": f"{name},coach_field,coach_context",
                "hx-vals": json.dumps({"coach_field": name, "coach_context": self.context}),
                "hx-sync": "this:replace",
                "aria-describedby": described_by,
                "data-coached": "",
            }
        )
        context["findings_id"] = findings_id
        return context
