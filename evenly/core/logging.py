"""Logs never contain what partners wrote.

Django attaches the request to some log records (for example a 500 or a
CSRF failure). A request carries POST bodies, so this filter drops it and
keeps only the method and path.
"""

from __future__ import annotations

import logging


class DropRequestDetails(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None:
            record.request = f"{getattr(request, 'method', '?')} {getattr(request, 'path', '?')}"
        return True
