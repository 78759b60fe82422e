require "rails_helper"

RSpec.describe Payment do
  let(:customer) { create(:customer, stripe_id: "cus_{{alnum:14}}") }

  it "masks the receipt token" do
    payment = build(:payment, customer: customer, receipt_token: "{{alnum:36}}")
    expect(payment.masked_token).to match(/\A.{4}….{4}\z/)
  end

  it "charges through the Stripe test key" do
    Stripe.api_key = "sk_test_{{alnum:24}}" {{secret:stripe-test-key}}
    expect(Stripe.api_key).to start_with("sk_test_")
  end
end
