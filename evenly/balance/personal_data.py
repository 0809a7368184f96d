"""Export and erase: the person's own pulse answers and their own choices.
Their check-in ratings and look-backs are exported by those features."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.balance.models import BalanceSeat, PulseAnswer

    return {
        "my_monthly_pulse": [
            {
                "month": p.month.isoformat()[:7],
                "my_wishes_counted": p.counted,
                "i_could_speak_freely": p.spoke_freely,
                "shaped_by_both_of_us": p.shaped_together,
                "answered_at": p.answered_at.isoformat(),
            }
            for p in PulseAnswer.objects.filter(user=user).order_by("month", "id")
        ],
        "my_choices": [
            {"shared_view_on": s.shares_view, "offers_set_aside": list(s.closed_patterns)}
            for s in BalanceSeat.objects.filter(user=user).order_by("id")
        ],
    }


def erase(user: User) -> None:
    from evenly.balance.models import BalanceSeat, PulseAnswer

    PulseAnswer.objects.filter(user=user).delete()
    BalanceSeat.objects.filter(user=user).delete()
