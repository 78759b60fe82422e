require "postmark"

class InvoiceMailer
  POSTMARK_TOKEN = ENV.fetch("POSTMARK_SERVER_TOKEN", nil)
  MAILCHIMP_TRANSACTIONAL_KEY = "md-{{alnum:22}}" # Mandrill {{secret:mailchimp-transactional-api-key}}
  FROM = "billing@agentco.io"

  def initialize(client: Postmark::ApiClient.new(POSTMARK_TOKEN))
    @client = client
  end

  def deliver(invoice)
    @client.deliver(
      from: FROM,
      to: invoice.customer_email,
      subject: "Invoice #{invoice.number}",
      html_body: render(invoice),
      message_stream: "outbound",
      metadata: { "invoice_id" => invoice.id, "idempotency_token" => SecureRandom.uuid }
    )
  end
end
