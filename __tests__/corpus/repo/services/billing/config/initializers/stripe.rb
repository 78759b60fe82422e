Rails.configuration.stripe = {
  publishable_key: 'pk_live_{{alnum:99}}',
  secret_key: ENV.fetch('STRIPE_SECRET_KEY'),
  webhook_secret: Rails.application.credentials.dig(:stripe, :webhook_secret)
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
