import json
from logging import Logger

from slack_bolt import Ack, BoltContext, Respond

from ...blocks import MORE_PAGE, error_message, more_results_message


def more_results(ack: Ack, action: dict, respond: Respond, context: BoltContext, logger: Logger) -> None:
    ack()
    try:
        state = json.loads(action.get("value") or "{}")
        query, offset = str(state["q"]), max(int(state["o"]), 1)
    except (ValueError, KeyError, TypeError):
        logger.warning("more_results button carried an unreadable value")
        respond(
            response_type="ephemeral",
            replace_original=False,
            **error_message("I lost track of that search. Please search again.").as_kwargs(),
        )
        return
    result = context["library"].search(query, limit=offset + MORE_PAGE + 1)
    respond(
        response_type="ephemeral", replace_original=False, **more_results_message(result, query, offset).as_kwargs()
    )
