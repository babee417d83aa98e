from tests.slack.conftest import fake_slack  # noqa: F401 - the fake Slack Web API fixture
