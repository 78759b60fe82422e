import braintree
import stripe
from square.client import Client as SquareClient

stripe.api_key = "rk_live_{{alnum:99}}" {{secret:stripe-restricted-live-key}}
STRIPE_PUBLISHABLE_KEY = "pk_live_{{alnum:99}}"

gateway = braintree.BraintreeGateway(access_token="access_token$production${{lower:16}}${{hex:32}}") {{secret:braintree-production-access-token}}

square = SquareClient(access_token="EAAA{{token:60}}", environment="production") {{secret:square-access-token}}

PAYPAL_CLIENT_ID = "A{{token:79}}"
PAYPAL_CLIENT_SECRET = "E{{token:79}}" {{secret:paypal-client-secret}}

PLAID_CLIENT_ID = "{{hex:24}}"
PLAID_SECRET = "{{hex:30}}" {{secret:plaid-secret}}
PLAID_ACCESS_TOKEN = "access-production-{{uuid:4}}" {{secret:plaid-access-token}}


def charge(customer_id: str, amount_cents: int, idempotency_key: str) -> stripe.PaymentIntent:
    return stripe.PaymentIntent.create(
        customer=customer_id,
        amount=amount_cents,
        currency="eur",
        idempotency_key=idempotency_key,
    )
