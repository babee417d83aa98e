from slack_bolt import Ack


def open_source(ack: Ack) -> None:
    # A link button: Slack opens the URL itself, but still expects the click to be acknowledged.
    ack()
