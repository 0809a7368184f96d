"""Fill the bench database: the demo couples plus N bench couples, and write a
signed-in session cookie for each person to a JSON file.

Run by bench/run.py as `python -m bench.fixtures --couples N --out FILE` with
DJANGO_SETTINGS_MODULE=bench.settings and a throwaway EVENLY_DATA_DIR.
"""

from __future__ import annotations

import argparse
import json

import django


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--couples", type=int, default=100)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    django.setup()

    from django.core.management import call_command
    from django.test import Client

    from evenly.accounts.models import User
    from evenly.couples.services import couple_create, invite_accept, invite_create

    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115

    def session_for(user: User) -> str:
        client = Client()
        client.force_login(user)
        return client.cookies["sessionid"].value

    couples = []
    for index in range(args.couples):
        first, second = (
            User.objects.create_user(
                username=f"bench{index}{side}",
                email=f"bench{index}{side}@bench.evenly",
                display_name=f"Bench {index}{side}",
            )
            for side in "ab"
        )
        couple_create(actor=first)
        invite = invite_create(actor=first)
        invite_accept(actor=second, token=invite.token)
        couples.append([session_for(first), session_for(second)])

    alex = User.objects.get(email="alex@demo.evenly")
    with open(args.out, "w") as handle:
        json.dump({"home_user": session_for(alex), "couples": couples}, handle)


if __name__ == "__main__":
    main()
