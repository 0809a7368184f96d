class ServiceError(Exception):
    """A refusal the person can act on. `message` is shown to them as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
