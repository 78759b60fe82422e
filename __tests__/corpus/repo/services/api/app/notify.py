import os

import requests
from slack_sdk import WebClient
from twilio.rest import Client as TwilioClient

TELEGRAM_API = "https://api.telegram.org/bot{token}/sendMessage"
slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
twilio = TwilioClient(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])

MAILGUN_API_KEY = "key-{{hex:32}}" {{secret:mailgun-api-key}}
MAILCHIMP_API_KEY = "{{hex:32}}-us21" {{secret:mailchimp-api-key}}
RESEND_API_KEY = os.environ.get("RESEND_API_KEY", "re_123")
PAGERDUTY_ROUTING_KEY = "{{hex:32}}" {{secret:pagerduty-integration-key}}


def telegram(text: str, chat_id: int) -> None:
    token = os.environ["TELEGRAM_BOT_TOKEN"]
    requests.post(TELEGRAM_API.format(token=token), json={"chat_id": chat_id, "text": text}, timeout=10)


def page(summary: str) -> None:
    requests.post(
        "https://events.pagerduty.com/v2/enqueue",
        json={"routing_key": PAGERDUTY_ROUTING_KEY, "event_action": "trigger", "payload": {"summary": summary, "severity": "error", "source": "agent"}},
        timeout=10,
    )
