"""The Slack side: the Bolt app, its listeners and Block Kit rendering. Thin by design: it asks
the article library and formats what it says."""
