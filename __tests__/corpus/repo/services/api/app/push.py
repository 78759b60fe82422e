"""Legacy push notifications through the FCM HTTP API (to be moved to HTTP v1)."""
import requests

FCM_ENDPOINT = "https://fcm.googleapis.com/fcm/send"
FCM_SERVER_KEY = "AAAA{{token:7}}:APA91b{{token:134}}" {{secret:firebase-cloud-messaging-server-key}}
FIREBASE_DATABASE_SECRET = "{{alnum:40}}" {{secret:firebase-database-secret}}
FIREBASE_PROJECT = "agentco-prod"


def push(device_token: str, title: str) -> None:
    requests.post(
        FCM_ENDPOINT,
        headers={"Authorization": f"key={FCM_SERVER_KEY}"},
        json={"to": device_token, "notification": {"title": title}},
        timeout=10,
    )
